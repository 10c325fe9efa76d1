/** Where an interaction happened. Shared by the schema's enum and the forms (no drizzle in the browser). */
export const CHANNELS = [
  "email",
  "phone",
  "chat",
  "meeting",
  "in_app",
  "web",
  "social",
  "community",
  "survey",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ["inbound", "outbound"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: "Email",
  phone: "Phone",
  chat: "Chat",
  meeting: "Meeting",
  in_app: "In the product",
  web: "Website",
  social: "Social media",
  community: "Community",
  survey: "Survey",
  other: "Other",
};

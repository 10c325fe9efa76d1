import type { MemberRole } from "@/lib/permissions";

/** Demo sign-ins (README): they exist only in seeded demo data, never in a real install. */
export const DEMO_PASSWORD = "hourglass-demo";

export const DEMO_MEMBERS: { name: string; email: string; role: MemberRole }[] = [
  { name: "Ada Admin", email: "admin@hourglass.demo", role: "admin" },
  { name: "Max Manager", email: "manager@hourglass.demo", role: "manager" },
  { name: "Chris CSM", email: "csm@hourglass.demo", role: "csm" },
  { name: "Vic Viewer", email: "viewer@hourglass.demo", role: "viewer" },
];

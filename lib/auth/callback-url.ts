/** Where to go after sign-in: only a path inside this app, never another site. */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}

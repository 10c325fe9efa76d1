export async function register() {
  // Only the Node.js server warms the database; never the build or the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("@/server/system/startup");
  await startServer();
}

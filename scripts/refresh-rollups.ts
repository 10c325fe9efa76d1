import { closeDatabase, db } from "@/db";
import { refreshRollups } from "@/server/system/periodic-refresh";
import { runScript } from "./run-script";

// For cron: the same refresh the running server does every 10 minutes.
runScript("refresh", async () => {
  const started = Date.now();
  await refreshRollups(db);
  console.log(`Risk scores and journey statistics refreshed in ${Date.now() - started} ms.`);
  await closeDatabase();
});

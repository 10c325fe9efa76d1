import { closeDatabase, db } from "@/db";
import { refreshRollups } from "@/server/system/periodic-refresh";
import { runScript } from "./run-script";

// For cron: the same refresh the running server does every 10 minutes.
// `--json` prints what it did as JSON (how `npm run bench` measures a refresh).
runScript("refresh", async () => {
  const report = await refreshRollups(db);
  if (process.argv.includes("--json")) console.log(JSON.stringify(report));
  else if (!report) console.log("Another Hourglass process is refreshing right now; nothing done.");
  else
    console.log(
      `Risk scores (${report.riskRowsUpdated} customers changed) and journey statistics refreshed in ${report.ms.total} ms.`,
    );
  await closeDatabase();
});

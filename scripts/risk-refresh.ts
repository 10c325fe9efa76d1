import { closeDatabase } from "@/db";
import { refreshAllRisk } from "@/db/mutations/risk";
import { runScript } from "./run-script";

runScript("risk:refresh", async () => {
  const started = Date.now();
  const ran = await refreshAllRisk();
  console.log(ran ? `Risk refreshed for every customer in ${Date.now() - started} ms.` : "Another process is refreshing risk right now; nothing to do.");
  await closeDatabase();
});

import { embeddedDataDir } from "@/db";
import { BackupError, restoreDatabase } from "@/db/backup";
import { runScript, UsageError } from "./run-script";

/** `npm run restore -- FILE`: a backup into the empty database DATABASE_URL names (else a new embedded one). */
runScript("restore", async () => {
  const file = process.argv[2];
  if (!file) throw new UsageError("Name the backup to restore: npm run restore -- backups/hourglass-….dump");
  const postgresUrl = process.env.DATABASE_URL;
  try {
    await restoreDatabase(postgresUrl ? { url: postgresUrl } : { dataDir: embeddedDataDir() }, file);
    console.log(`Restored ${file} into ${postgresUrl ? "the database in DATABASE_URL" : embeddedDataDir()}.`);
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
});

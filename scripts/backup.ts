import path from "node:path";
import { embeddedDataDir } from "@/db";
import { backupDatabase, BackupError } from "@/db/backup";
import { runScript, UsageError } from "./run-script";

/** `npm run backup -- [FILE]`: the book (DATABASE_URL, else the embedded database) into FILE, with FILE.sha256. */
runScript("backup", async () => {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const postgresUrl = process.env.DATABASE_URL;
  const file = process.argv[2] ?? path.join("backups", `hourglass-${stamp}.${postgresUrl ? "dump" : "tar.gz"}`);
  try {
    const { bytes, sha256 } = await backupDatabase(
      postgresUrl ? { url: postgresUrl } : { dataDir: embeddedDataDir() },
      file,
    );
    const size = bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`Backed up to ${file} (${size}, sha256 ${sha256}).`);
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
});

import { DatabaseUnreachableError } from "@/db/connection-error";

/** Runs a CLI script: friendly one-line errors for what a user can fix, exit code 1 on failure. */
export function runScript(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof DatabaseUnreachableError || error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name} failed:`, error);
    }
    process.exit(1);
  });
}

export class UsageError extends Error {}

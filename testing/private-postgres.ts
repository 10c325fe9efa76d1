import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, its own port), so a
 * test can stop and start it without disturbing any other test. Needs the server binaries
 * (Debian's postgresql package); as root, the server runs as the `postgres` OS user.
 */
export type PrivatePostgres = {
  url: string;
  stop: () => void;
  start: () => void;
  restart: (pauseMs?: number) => Promise<void>;
  destroy: () => void;
  /** A streaming replica of this server (pg_basebackup -R), on a port of its own. */
  startReplica: () => Promise<PrivatePostgres>;
};

function serverBinaries(): string {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : readdirSync("/usr/lib/postgresql")
        .sort()
        .reverse()
        .map((v) => `/usr/lib/postgresql/${v}/bin`);
  const found = candidates.find((dir) => existsSync(path.join(dir, "pg_ctl")));
  if (!found)
    throw new Error("No PostgreSQL server binaries found (install Debian's postgresql package or set PG_BIN).");
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  return startServer(null);
}

async function startServer(primary: { port: number } | null): Promise<PrivatePostgres> {
  const bin = serverBinaries();
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(os.tmpdir(), "hourglass-pg-"));
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "server.log");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(folder, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot
      ? (["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] as const)
      : ([path.join(bin, tool), args] as const);
    execFileSync(command[0], command[1], { stdio: "pipe" });
  };
  const port = await freePort();
  if (primary)
    run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R"]);
  else run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=off -c full_page_writes=off`;
  const start = () => run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async restart(pauseMs = 0) {
      stop();
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      start();
    },
    destroy() {
      try {
        stop();
      } catch {
        // Already stopped: only the folder is left to remove.
      }
      rmSync(folder, { recursive: true, force: true });
    },
    startReplica: () => startServer({ port }),
  };
}

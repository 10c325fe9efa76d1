import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Permission } from "@/lib/permissions";

/**
 * What the permission tests read from the source, so a new server action or action definition
 * cannot be added without the tests noticing. Plain file reading: the browser tests use it too.
 */

export type ServerActionSource = {
  /** The file with the "use server" directive, relative to the project root. */
  file: string;
  /** The exported function: every one is a public POST endpoint. */
  exportedName: string;
  /** The action definition it passes to runMemberAction, or null when it does not. */
  definition: string | null;
};

const SOURCE_DIRS = ["app", "components", "server", "lib", "db"];

/** Every .ts and .tsx file under `dir` (relative to `root`), as paths relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes("node_modules"))
    .map((file) => path.join(dir, file));
}

/** Every exported function of every "use server" module, with the definition it runs. */
export function listServerActions(root = process.cwd()): ServerActionSource[] {
  const actions: ServerActionSource[] = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(root, dir))) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["'];?/.test(text)) continue;
    // Split at each export (Next allows only async functions here); its body runs to the next one.
    const parts = text.split(/^export (?:async function|function|const|let) /m).slice(1);
    for (const part of parts) {
      const exportedName = /^(\w+)/.exec(part)?.[1];
      if (!exportedName) continue;
      actions.push({ file, exportedName, definition: /runMemberAction\((\w+)/.exec(part)?.[1] ?? null });
    }
  }
  return actions;
}

/** The permission each `defineAction` in server/ declares, by the definition's exported name. */
export function listDefinitionPermissions(root = process.cwd()): Record<string, Permission> {
  const permissions: Record<string, Permission> = {};
  for (const file of sourceFiles(root, "server")) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const match of text.matchAll(/export const (\w+) = defineAction\(\{\s*permission: "([\w.]+)"/g)) {
      permissions[match[1]] = match[2] as Permission;
    }
  }
  return permissions;
}

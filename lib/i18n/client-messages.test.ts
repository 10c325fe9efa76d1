import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { sourceFiles } from "@/testing/server-action-sources";
import { type Catalog, flattenCatalog } from "./flatten";
import { CLIENT_MESSAGES, pickMessages, SETTINGS_CLIENT_MESSAGES } from "./client-messages";

const root = path.resolve(__dirname, "../..");

const files = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(root, dir))
  .filter((file) => !/\.test\.tsx?$/.test(file))
  .map((file) => ({
    file,
    text: readFileSync(path.join(root, file), "utf8"),
  }));

// The settings forms may read the settings-only messages: these folders are drawn only on /settings.
const settingsOnly = (file: string) => /^components\/(settings|playbooks)\//.test(file);
// What a component reads: useTranslations("a.b"), or a part of the catalog taken whole (`const { format } = useMessages()`).
const readNamespaces = (text: string) => [
  ...[...text.matchAll(/useTranslations\("([^"]*)"\)/g)].map((m) => m[1]),
  ...[...text.matchAll(/const \{ (\w+) \} = useMessages\(\)/g)].map((m) => m[1]),
];
const covered = (namespace: string, paths: readonly string[]) =>
  paths.some((p) => namespace === p || namespace.startsWith(`${p}.`));

describe("the messages sent to the browser", () => {
  it("cover every namespace a component reads with useTranslations (which may run in the browser)", () => {
    const uncovered = files.flatMap(({ file, text }) =>
      [...text.matchAll(/useTranslations\(("([^"]*)")?\)/g)].flatMap(([call, , namespace]) => {
        const paths = settingsOnly(file) ? [...CLIENT_MESSAGES, ...SETTINGS_CLIENT_MESSAGES] : CLIENT_MESSAGES;
        return namespace !== undefined && covered(namespace, paths) ? [] : [`${file}: ${call}`];
      }),
    );
    const uncoveredWhole = files.flatMap(({ file, text }) =>
      [...text.matchAll(/const \{ (\w+) \} = useMessages\(\)/g)].flatMap(([, namespace]) =>
        covered(namespace, CLIENT_MESSAGES) ? [] : [`${file}: useMessages().${namespace}`],
      ),
    );
    expect([...uncovered, ...uncoveredWhole]).toEqual([]);
  });

  it("name only what some component reads: nothing sent that no one uses", () => {
    const read = files.flatMap(({ text }) => readNamespaces(text));
    const unread = [...CLIENT_MESSAGES, ...SETTINGS_CLIENT_MESSAGES].filter(
      (p) => !read.some((namespace) => namespace === p || namespace.startsWith(`${p}.`)),
    );
    expect(unread).toEqual([]);
  });

  it("name only paths the English catalog has", () => {
    const keys = [...flattenCatalog(en as Catalog).keys()];
    const unknown = [...CLIENT_MESSAGES, ...SETTINGS_CLIENT_MESSAGES].filter(
      (p) => !keys.some((key) => key.startsWith(`${p}.`)),
    );
    expect(unknown).toEqual([]);
  });

  it("keep the settings forms on the settings pages: nothing else imports them", () => {
    const importers = files.filter(
      ({ file, text }) =>
        /@\/components\/(settings|playbooks)\//.test(text) &&
        !settingsOnly(file) &&
        !file.startsWith(path.join("app", "(dashboard)", "settings")),
    );
    expect(importers.map(({ file }) => file)).toEqual([]);
  });

  it("pick the named parts and nothing else: risk.table's 2 messages, not risk.title", () => {
    const messages = { risk: { title: "Risk", table: { a: "A", b: "B" } }, common: { ok: "OK" } };
    expect(pickMessages(messages, ["risk.table", "missing.path"])).toEqual({ risk: { table: { a: "A", b: "B" } } });
  });

  it("send a page under half the catalog: the server's errors, emails and settings stay behind", () => {
    const size = (messages: object) => JSON.stringify(messages).length;
    const { errors: _errors, emails: _emails, ...before } = en;
    const sent = size(pickMessages(en, CLIENT_MESSAGES));
    expect(sent).toBeLessThan(size(before) / 2);
    expect(Object.keys(pickMessages(en, CLIENT_MESSAGES))).not.toContain("settings");
  });
});

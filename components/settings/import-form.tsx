"use client";

import { useTranslations } from "next-intl";
import Papa from "papaparse";
import { useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { guessMapping, IMPORT_FIELDS, importFieldPlace, type ImportKind } from "@/lib/import-fields";
import { buttonClass } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Problem = { row: number; field: string; message: string };
type Status =
  | { state: "idle" }
  | { state: "running"; done: number; total: number }
  | { state: "done"; message: string }
  | { state: "failed"; message: string; errors?: Problem[]; total?: number };

/** Upload, preview and map columns, then import with a progress bar. */
export function ImportForm() {
  const t = useTranslations("settings");
  const f = useFormat();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [preview, setPreview] = useState<Record<string, string>[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>({ state: "idle" });

  function choose(next: File | null, nextKind = kind) {
    setFile(next);
    setStatus({ state: "idle" });
    if (!next) return;
    Papa.parse<Record<string, string>>(next, {
      header: true,
      preview: 5,
      skipEmptyLines: "greedy",
      complete: (result) => {
        const fields = result.meta.fields ?? [];
        setHeaders(fields);
        setPreview(result.data);
        setMapping(guessMapping(nextKind, fields));
      },
    });
  }

  async function submit() {
    if (!file) return;
    setStatus({ state: "running", done: 0, total: 0 });
    const body = new FormData();
    body.set("kind", kind);
    body.set("file", file);
    body.set("mapping", JSON.stringify(mapping));
    const response = await fetch("/settings/data/import", { method: "POST", body });
    if (!response.ok || !response.body) {
      const problem = await response.json().catch(() => ({ message: t("import.couldNotStart") }));
      setStatus({ state: "failed", message: problem.message, errors: problem.errors, total: problem.total });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line);
        if (event.ok === true)
          setStatus({
            state: "done",
            message: t("import.done", {
              rows: event.rows,
              created: f.number(event.created),
              updated: f.number(event.updated),
              skipped: f.number(event.skipped),
            }),
          });
        else if (event.ok === false) setStatus({ state: "failed", message: event.message });
        else setStatus({ state: "running", done: event.done, total: event.total });
      }
    }
  }

  const fields = IMPORT_FIELDS[kind];
  // A field's name for people; the file's amounts are in the book's currency.
  const fieldName = (field: string) =>
    t(`import.fields.${kind}.${field}` as Parameters<typeof t>[0], { currency: f.currency });
  /** Where a problem is: "'Monthly revenue' (MRR (USD))", "the row", "Customer (external id or email)". */
  const placeOf = (field: string) => {
    const place = importFieldPlace(kind, field, mapping);
    if (place.kind === "row") return t("import.place.row");
    if (place.kind === "file") return t("import.place.file");
    if (place.kind === "customer") return t("import.place.customer");
    const label = place.known ? fieldName(place.field) : place.field;
    return place.column ? t("import.place.column", { column: place.column, label }) : label;
  };
  return (
    <div className="space-y-4 text-sm">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-xs font-medium text-slate-600">
          {t("import.kind")}
          <select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as ImportKind;
              setKind(next);
              choose(file, next);
            }}
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          >
            <option value="customers">{t("import.kinds.customers")}</option>
            <option value="interactions">{t("import.kinds.interactions")}</option>
            <option value="subscriptions">{t("import.kinds.subscriptions")}</option>
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          {t("import.file")}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            className="text-sm"
          />
        </label>
      </div>
      {headers.length > 0 ? (
        <>
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-2 text-sm font-semibold text-slate-700">{t("import.columns")}</legend>
            {fields.map(({ field }) => (
              <label key={field} className="flex flex-col text-xs font-medium text-slate-600">
                {fieldName(field)}
                <select
                  aria-label={t("import.columnFor", { label: fieldName(field) })}
                  value={mapping[field] ?? ""}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}
                  className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                >
                  <option value="">{t("import.notInFile")}</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <ScrollRegion label={t("import.preview")}>
            <table className="text-xs" aria-label={t("import.preview")}>
              <thead>
                <tr>
                  {headers.map((h) => (
                    <th key={h} scope="col" className="px-2 py-1 text-left">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.map((row, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    {headers.map((h) => (
                      <td key={h} className="px-2 py-1">
                        {row[h]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <button type="button" onClick={submit} disabled={status.state === "running"} className={buttonClass()}>
            {t("import.submit")}
          </button>
        </>
      ) : null}
      {status.state === "running" ? (
        <div>
          <progress
            aria-label={t("import.progressLabel")}
            max={status.total || 1}
            value={status.done}
            className="w-full"
          />
          <p className="text-slate-600">
            {status.total
              ? t("import.progress", { done: f.number(status.done), total: f.number(status.total) })
              : t("import.checking")}
          </p>
        </div>
      ) : null}
      {status.state === "done" ? (
        <p role="status" className="font-medium text-emerald-700">
          {status.message}
        </p>
      ) : null}
      {status.state === "failed" ? (
        <div role="alert" className="text-red-800">
          <p className="font-medium">{status.message}</p>
          {status.errors ? (
            <ScrollRegion label={t("import.problems")}>
              <table className="mt-2 text-xs" aria-label={t("import.problems")}>
                <thead>
                  <tr>
                    <th scope="col" className="pr-3 text-left">
                      {t("import.problemColumns.row")}
                    </th>
                    <th scope="col" className="pr-3 text-left">
                      {t("import.problemColumns.column")}
                    </th>
                    <th scope="col" className="text-left">
                      {t("import.problemColumns.problem")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {status.errors.map((e, i) => (
                    <tr key={i}>
                      <td className="pr-3">{e.row}</td>
                      <td className="pr-3">{placeOf(e.field)}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
          {status.total && status.errors && status.total > status.errors.length ? (
            <p className="mt-1 text-xs">
              {t("import.andMore", { count: f.number(status.total - status.errors.length) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useCallback, useOptimistic, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import type { Format } from "@/lib/format";
import { type Channel, CHANNELS } from "@/lib/channels";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { TimelineEntry } from "@/server/customers/timeline";
import { milestoneLabel } from "@/lib/i18n/labels";
import { EntryActions } from "./entry-actions";
import { answeredBy, entryDetail, entryTitle } from "./entry-text";
import { LogInteractionForm } from "./log-interaction-form";

const KIND_STYLE: Record<TimelineEntry["kind"], string> = {
  interaction: "bg-slate-400",
  delight: "bg-fuchsia-500",
  community: "bg-indigo-500",
  milestone: "bg-brand-600",
  task: "bg-emerald-600",
  role: "bg-amber-500",
  account: "bg-slate-700",
};

/** An entry's effect on the ledger, in the timeline's own words: hooks per entry cost the page's hydration more than its entries. */
function effect(weight: number | null, t: ReturnType<typeof useTranslations<"timeline">>, f: Format) {
  if (weight === null) return null;
  if (weight === 0)
    return <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{t("list.neutral")}</span>;
  const credit = weight > 0;
  return (
    <span
      className={`rounded px-1.5 text-xs font-semibold tabular-nums ${credit ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
    >
      {t(credit ? "list.credit" : "list.debit", { weight: f.weight(weight) })}
    </span>
  );
}

type Viewer = { id: number; name: string; isAdmin: boolean; canWrite: boolean };

export function CustomerTimeline({
  customerId,
  entries,
  types,
  viewer,
  focusLogForm = false,
}: {
  customerId: number;
  entries: TimelineEntry[];
  types: InteractionTypeOption[];
  viewer: Viewer;
  focusLogForm?: boolean;
}) {
  const t = useTranslations("timeline");
  const tl = useTranslations("labels");
  const f = useFormat();
  // Entries saved since the page was rendered, until the refreshed page (new `entries`) holds them.
  const [saved, setSaved] = useState<{ since: TimelineEntry[]; items: TimelineEntry[] }>({ since: entries, items: [] });
  const onSaved = useCallback(
    (entry: TimelineEntry) =>
      setSaved((current) => ({
        since: entries,
        items: current.since === entries ? [entry, ...current.items] : [entry],
      })),
    [entries],
  );
  const withSaved = saved.since === entries && saved.items.length > 0 ? [...saved.items, ...entries] : entries;
  const [shown, addOptimistic] = useOptimistic(withSaved, (current, entry: TimelineEntry) => [entry, ...current]);
  const canChange = (entry: TimelineEntry) =>
    viewer.canWrite &&
    entry.kind === "interaction" &&
    entry.id > 0 &&
    (viewer.isAdmin || (entry.actorId === viewer.id && entry.recent));

  const channelLabel = (channel: string) =>
    (CHANNELS as readonly string[]).includes(channel) ? tl(`channels.${channel as Channel}`) : channel;
  const directionLabel = (direction: string) =>
    direction === "inbound" || direction === "outbound" ? tl(`directions.${direction}`) : direction;

  const days: { day: string; items: TimelineEntry[] }[] = [];
  for (const entry of shown) {
    const day = f.day(entry.at);
    if (days.at(-1)?.day !== day) days.push({ day, items: [] });
    days.at(-1)?.items.push(entry);
  }

  return (
    <div className="space-y-4">
      {viewer.canWrite ? (
        <LogInteractionForm
          customerId={customerId}
          types={types}
          actorName={viewer.name}
          onOptimistic={addOptimistic}
          onSaved={onSaved}
          focusOnArrival={focusLogForm}
        />
      ) : null}
      {days.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {t("list.empty")}
        </p>
      ) : null}
      <ol aria-label={t("list.label")} className="space-y-5">
        {days.map(({ day, items }) => (
          <li key={day}>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{day}</h3>
            <ol className="space-y-2">
              {items.map((entry) => (
                <li
                  key={entry.key}
                  data-testid="timeline-entry"
                  aria-busy={entry.id === 0}
                  className={`flex gap-3 rounded-md border border-slate-200 bg-white p-3 ${entry.id === 0 ? "opacity-60" : ""}`}
                >
                  <span
                    aria-hidden="true"
                    className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${KIND_STYLE[entry.kind]}`}
                  />
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                      <span className="tabular-nums text-slate-500">{f.time(entry.at)}</span>
                      <span className="font-medium text-slate-900">
                        {entry.kind === "milestone"
                          ? `${entry.fromMilestone ? `${milestoneLabel(tl, entry.fromMilestone)} → ` : ""}${milestoneLabel(tl, entry.toMilestone ?? 1)}`
                          : entryTitle(entry, t, tl)}
                      </span>
                      {effect(entry.weight, t, f)}
                      {entry.channel ? (
                        <span className="text-xs text-slate-500">{channelLabel(entry.channel)}</span>
                      ) : null}
                      {entry.direction ? (
                        <span className="text-xs text-slate-500">{directionLabel(entry.direction)}</span>
                      ) : null}
                      {entry.id === 0 ? <span className="text-xs text-slate-500">{t("list.saving")}</span> : null}
                    </div>
                    {entry.detail ? (
                      <p className="mt-0.5 break-words text-sm text-slate-700" translate="no">
                        {entryDetail(entry, t)}
                      </p>
                    ) : null}
                    {entry.answer ? (
                      <p className="mt-0.5 text-xs text-fuchsia-800" data-testid="answered-by">
                        {answeredBy(entry.answer, t, f)}
                      </p>
                    ) : null}
                    <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-500">
                      <span>{entry.actorName ? t("list.by", { name: entry.actorName }) : t("list.automatic")}</span>
                      {canChange(entry) ? <EntryActions entry={entry} types={types} /> : null}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

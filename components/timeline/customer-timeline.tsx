"use client";

import { useCallback, useOptimistic, useState } from "react";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { TimelineEntry } from "@/server/customers/timeline";
import { formatDay, formatTime } from "@/lib/format";
import { milestoneLabel } from "@/lib/journey/models";
import { EntryActions } from "./entry-actions";
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

function Effect({ weight }: { weight: number | null }) {
  if (weight === null) return null;
  if (weight === 0) return <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">neutral</span>;
  const credit = weight > 0;
  return (
    <span
      className={`rounded px-1.5 text-xs font-semibold tabular-nums ${credit ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
    >
      {credit ? "credit" : "debit"} {credit ? "+" : "−"}
      {Math.abs(weight)}
    </span>
  );
}

type Viewer = { id: number; name: string; isAdmin: boolean; canWrite: boolean };

export function CustomerTimeline({
  customerId,
  entries,
  types,
  viewer,
  timeZone,
  focusLogForm = false,
}: {
  customerId: number;
  entries: TimelineEntry[];
  types: InteractionTypeOption[];
  viewer: Viewer;
  timeZone: string;
  focusLogForm?: boolean;
}) {
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

  const days: { day: string; items: TimelineEntry[] }[] = [];
  for (const entry of shown) {
    const day = formatDay(entry.at, timeZone);
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
          Nothing here yet.
        </p>
      ) : null}
      <ol aria-label="Timeline" className="space-y-5">
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
                      <span className="tabular-nums text-slate-500">{formatTime(entry.at, timeZone)}</span>
                      <span className="font-medium text-slate-900">
                        {entry.kind === "milestone"
                          ? `${entry.fromMilestone ? `${milestoneLabel(entry.fromMilestone)} → ` : ""}${milestoneLabel(entry.toMilestone ?? 1)}`
                          : entry.title}
                      </span>
                      <Effect weight={entry.weight} />
                      {entry.channel ? (
                        <span className="text-xs text-slate-500">{entry.channel.replace("_", " ")}</span>
                      ) : null}
                      {entry.direction ? <span className="text-xs text-slate-500">{entry.direction}</span> : null}
                      {entry.id === 0 ? <span className="text-xs text-slate-500">saving…</span> : null}
                    </div>
                    {entry.detail ? <p className="mt-0.5 break-words text-sm text-slate-700">{entry.detail}</p> : null}
                    {entry.answeredBy ? (
                      <p className="mt-0.5 text-xs text-fuchsia-800" data-testid="answered-by">
                        Answered with a delight moment: {entry.answeredBy}
                      </p>
                    ) : null}
                    <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-500">
                      <span>{entry.actorName ? `by ${entry.actorName}` : "automatic"}</span>
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

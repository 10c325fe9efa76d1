import { z } from "zod";
import { first, param, type SearchParams } from "@/lib/search-params";
import { TIMELINE_KINDS, type TimelineKind } from "@/server/customers/timeline";

/** Which entries of the timeline to show (`kind`) and from where (`cursor`: the keyset position). */
export function readTimelineView(params: SearchParams): { kind: TimelineKind; cursor?: string } {
  return { kind: param(params, "kind", z.enum(TIMELINE_KINDS), "all"), cursor: first(params, "cursor") };
}

/** The form to open and focus on arrival (`?add=task|interaction`, as the command palette links). */
export function readFormToOpen(params: SearchParams): "task" | "interaction" | undefined {
  return param(params, "add", z.enum(["task", "interaction"]).optional(), undefined);
}

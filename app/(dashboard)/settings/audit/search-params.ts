import { z } from "zod";
import { DAY_MS } from "@/lib/dates";
import { idParam, pageParam, param, type SearchParams } from "@/lib/search-params";
import { storable } from "@/lib/validation/fields";
import type { AuditQuery } from "@/server/audit/queries";

/** The audit log's member, entity, date range (whole UTC days, both included) and page from the URL. */
export function readAuditQuery(params: SearchParams): AuditQuery {
  const from = param(params, "from", z.iso.date().optional(), undefined);
  const to = param(params, "to", z.iso.date().optional(), undefined);
  return {
    actorId: param(params, "member", idParam().optional(), undefined),
    entityType: param(params, "entity", storable(z.string().max(60)).optional(), undefined),
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    page: param(params, "page", pageParam, 1),
    pageSize: 50,
  };
}

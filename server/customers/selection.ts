import type { Queryable } from "@/db";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import type { SessionMember } from "@/lib/permissions";
import type { SearchParams } from "@/lib/search-params";
import { BULK_CUSTOMER_LIMIT } from "@/lib/bulk-customers";
import type { BulkSelection } from "@/lib/validation/bulk-customers";
import { getJourneyModels } from "@/server/journey/models";
import { readRiskQuery } from "@/server/risk/list-params";
import { getRiskListIds } from "@/server/risk/queries";
import { readCustomerQuery } from "./list-params";
import { getCustomerListIds } from "./queries";
import { lockCustomers } from "./lock";

function searchParams(filters: string): SearchParams {
  return Object.fromEntries(new URLSearchParams(filters));
}

/**
 * Every customer the list shows with these filters, read with the list's own URL reader and query
 * (a CSM's risk list without an owner is theirs, as on the page). One more than the limit, so a
 * selection too large is told apart.
 */
async function matchingIds(tx: Queryable, member: SessionMember, selection: BulkSelection): Promise<number[]> {
  const params = searchParams(selection.filters);
  const models = await getJourneyModels(tx);
  const limit = BULK_CUSTOMER_LIMIT + 1;
  return selection.list === "risk"
    ? getRiskListIds(tx, { query: readRiskQuery(params, member, models), limit })
    : getCustomerListIds(tx, { query: readCustomerQuery(params, member.id, models), limit });
}

/**
 * The customers a bulk action is for, locked in id order until the transaction ends: the ones
 * ticked, or all matching the list's filters — refused when that is no longer the number the
 * person saw, so nobody acts on customers they did not mean.
 */
export async function resolveSelection(
  tx: Queryable,
  member: SessionMember,
  selection: BulkSelection,
): Promise<number[]> {
  const ids = selection.scope === "matching" ? await matchingIds(tx, member, selection) : selection.customerIds;
  if (ids.length > BULK_CUSTOMER_LIMIT)
    throw new ValidationError(message("bulk.tooManyMatching", { limit: BULK_CUSTOMER_LIMIT }));
  if (selection.scope === "matching" && ids.length !== selection.expected) {
    throw new ValidationError(message("bulk.listChanged", { count: ids.length, expected: selection.expected ?? 0 }));
  }
  if (ids.length === 0) throw new ValidationError(message("bulk.nothingSelected"));
  await lockCustomers(tx, ids, message("notFound.what.selectedCustomer"));
  return [...ids].sort((a, b) => a - b);
}

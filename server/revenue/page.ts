import "server-only";
import { can, type SessionMember } from "@/lib/permissions";
import { first, ownerIdParam, type SearchParams } from "@/lib/search-params";

/** Whose revenue a member reads: a CSM only their own book's; managers and admins anyone's, everyone's by default. */
export function revenueOwner(member: SessionMember, params: SearchParams): number | null {
  if (!can(member.role, "revenue.book")) return member.id;
  return ownerIdParam(params, member.id, "all") ?? null;
}

/** The owner choice as the filter shows it. */
export function revenueOwnerChoice(member: SessionMember, params: SearchParams): string {
  return can(member.role, "revenue.book") ? (first(params, "owner") ?? "all") : "mine";
}

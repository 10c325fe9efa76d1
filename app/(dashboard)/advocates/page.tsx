import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { InviteForm } from "@/components/advocates/invite-form";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FILTER_CONTROL, FilterSelect } from "@/components/filters/filter-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import {
  getCandidates,
  getLeaderboard,
  getReferrals,
  getRosterPage,
  getRosterSummary,
  listAdvocateRoles,
  ROSTER_STATUSES,
  type RosterQuery,
} from "@/server/advocacy/queries";
import { getJourneyModels } from "@/server/journey/models";
import type { SessionMember } from "@/lib/permissions";
import { requirePageMember } from "@/server/auth/session";
import { daysSince, formatDate } from "@/lib/dates";
import { formatCents, formatNumber } from "@/lib/format";
import { milestoneLabel, stageForMilestone } from "@/lib/journey/models";
import { can } from "@/lib/permissions";
import { idParam, pageParam, param, type SearchParams, searchText, withParams } from "@/lib/search-params";

export const metadata = { title: "Advocates" };

async function Candidates({ member }: { member: SessionMember }) {
  const [candidates, roles] = await Promise.all([getCandidates(), listAdvocateRoles({ activeOnly: true })]);
  const canWrite = can(member.role, "advocacy.write");
  return (
    <Card title="Candidates: retained or expanded, in credit, no role yet">
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600">No candidates right now.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Candidates">
          {candidates.map((c) => (
            <li
              key={c.id}
              data-testid="candidate"
              className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
            >
              <span>
                <Link href={`/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="ml-2 text-xs text-slate-500">
                  {milestoneLabel(c.milestone)} · {formatCents(c.mrr_cents)}
                </span>
                {c.spoke_up ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs font-medium text-emerald-800">
                    promoter / praise
                  </span>
                ) : null}
              </span>
              <span className="flex items-center gap-3">
                <BalanceBadge balance={c.balance} />
                {canWrite ? <InviteForm customerId={c.id} customerName={c.name} roles={roles} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const ROSTER_PAGE_SIZE = 25;

function readRosterQuery(params: SearchParams): RosterQuery {
  return {
    roleId: param(params, "role", idParam().optional(), undefined),
    status: param(params, "status", z.enum(ROSTER_STATUSES).optional(), undefined),
    q: searchText(params),
    page: param(params, "page", pageParam, 1),
    pageSize: ROSTER_PAGE_SIZE,
  };
}

async function Roster({ member, params }: { member: SessionMember; params: SearchParams }) {
  const query = readRosterQuery(params);
  const [{ entries, total }, summary] = await Promise.all([getRosterPage(query), getRosterSummary()]);
  const canWrite = can(member.role, "advocacy.write");
  const filtered = query.roleId !== undefined || query.status !== undefined || query.q !== undefined;
  const roleHref = (roleId?: number) => withParams("/advocates", params, { role: roleId, page: undefined });
  return (
    <Card title="Roster by role">
      {summary.length === 0 ? (
        <p className="text-sm text-slate-600">No advocate roles yet: an admin adds them in Settings → Roles.</p>
      ) : (
        <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="Roles">
          {summary.map((role) => (
            <li key={role.role_id}>
              <Link
                href={roleHref(query.roleId === role.role_id ? undefined : role.role_id)}
                aria-current={query.roleId === role.role_id ? "true" : undefined}
                className={`inline-block rounded-md border px-2.5 py-1 ${query.roleId === role.role_id ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 text-slate-700 hover:bg-slate-50"}`}
              >
                <span className="font-medium">{role.role_name}</span>{" "}
                <span className="text-slate-500">
                  · {formatNumber(role.active)} active, {formatNumber(role.invited)} invited
                  {role.retired > 0 ? `, ${formatNumber(role.retired)} retired` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form method="get" role="search" aria-label="Filter the roster" className="mb-3 flex flex-wrap items-end gap-3">
        <FilterSelect label="Role" name="role" defaultValue={query.roleId ? String(query.roleId) : ""}>
          <option value="">All roles</option>
          {summary.map((role) => (
            <option key={role.role_id} value={role.role_id}>
              {role.role_name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="invited">Invited</option>
          <option value="retired">Retired (last 90 days)</option>
        </FilterSelect>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Name
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link href="/advocates" className="text-sm font-medium text-brand-700 underline">
            Clear
          </Link>
        ) : null}
      </form>
      {total === 0 ? (
        <p className="text-sm text-slate-600">
          {filtered
            ? "Nobody on the roster matches these filters."
            : "Nobody holds a role yet. Invite a candidate above."}
        </p>
      ) : (
        <>
          <table className="w-full text-left text-sm" aria-label="Roster">
            <thead className="text-xs uppercase text-slate-500">
              <tr className="[&>th]:py-1 [&>th]:pr-3">
                <th scope="col">Advocate</th>
                {query.roleId ? null : <th scope="col">Role</th>}
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">Last activity</th>
                <th scope="col">Asks this quarter</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.assignment_id}
                  data-testid="roster-entry"
                  className="border-t border-slate-100 [&>td]:py-1.5 [&>td]:pr-3"
                >
                  <td>
                    <Link href={`/advocates/${e.customer_id}`} className="font-medium text-brand-700 hover:underline">
                      {e.customer_name}
                    </Link>
                  </td>
                  {query.roleId ? null : <td>{e.role_name}</td>}
                  <td
                    className={
                      e.status === "active"
                        ? "text-emerald-700"
                        : e.status === "invited"
                          ? "text-amber-700"
                          : "text-slate-500"
                    }
                  >
                    {e.status}
                  </td>
                  <td className="whitespace-nowrap">{formatDate(e.retired_at ?? e.activated_at ?? e.invited_at)}</td>
                  <td className="whitespace-nowrap">{e.last_activity ? `${daysSince(e.last_activity)} d ago` : "—"}</td>
                  <td className={e.asks_used >= e.capacity ? "font-medium text-amber-800" : ""}>
                    {e.asks_used} / {e.capacity}
                  </td>
                  <td>
                    {canWrite ? (
                      <RoleStatusButtons
                        assignmentId={e.assignment_id}
                        status={e.status}
                        label={`${e.customer_name} as ${e.role_name}`}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            page={query.page}
            pageSize={ROSTER_PAGE_SIZE}
            total={total}
            noun="on the roster"
            hrefFor={(page) => withParams("/advocates", params, { page })}
          />
        </>
      )}
    </Card>
  );
}

async function Leaderboard() {
  const leaders = await getLeaderboard();
  return (
    <Card title="Leaderboard: last 90 days">
      {leaders.length === 0 ? (
        <p className="text-sm text-slate-600">No community activity in the last 90 days.</p>
      ) : (
        <ol className="space-y-1 text-sm" aria-label="Leaderboard">
          {leaders.map((l, index) => (
            <li key={l.customer_id} className="flex justify-between gap-2" data-testid="leader">
              <span>
                <span className="mr-2 tabular-nums text-slate-500">{index + 1}.</span>
                <Link href={`/advocates/${l.customer_id}`} className="font-medium text-brand-700 hover:underline">
                  {l.customer_name}
                </Link>
              </span>
              <span className="tabular-nums text-slate-600">
                {l.activities} activities{l.referrals ? ` · ${l.referrals} referrals` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

async function Referrals() {
  const [referrals, models] = await Promise.all([getReferrals(), getJourneyModels()]);
  const model = models.find((m) => m.isDefault) ?? models[0];
  return (
    <Card title="Referrals and where they are now">
      {referrals.length === 0 ? (
        <p className="text-sm text-slate-600">No referrals yet.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Referrals">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Referred
              </th>
              <th scope="col">By</th>
              <th scope="col">Stage now</th>
              <th scope="col">Signed up</th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((r) => (
              <tr key={r.customer_id} className="border-t border-slate-100">
                <td className="py-1.5">
                  <Link href={`/customers/${r.customer_id}`} className="font-medium text-brand-700 hover:underline">
                    {r.customer_name}
                  </Link>
                </td>
                <td>
                  <Link href={`/advocates/${r.advocate_id}`} className="hover:underline">
                    {r.advocate_name}
                  </Link>
                </td>
                <td>{r.status === "churned" ? "churned" : stageForMilestone(model.stages, r.milestone)?.name}</td>
                <td>{formatDate(r.signed_up_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export default async function AdvocatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [member, params] = await Promise.all([requirePageMember(), searchParams]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Advocates"
        description="Evangelists come from VIP treatment: give ambassadors roles in the community, log what they do, and do not ask too often."
      />
      <Suspense fallback={<Skeleton className="h-48" />}>
        <Candidates member={member} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Suspense fallback={<Skeleton className="h-64" />}>
            <Roster member={member} params={params} />
          </Suspense>
        </div>
        <Suspense fallback={<Skeleton className="h-64" />}>
          <Leaderboard />
        </Suspense>
      </div>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <Referrals />
      </Suspense>
    </div>
  );
}

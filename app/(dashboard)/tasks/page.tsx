import { Suspense } from "react";
import { FilterSelect } from "@/components/filters/filter-controls";
import { MyDay } from "@/components/tasks/my-day";
import { SavedViews } from "@/components/views/saved-views";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { can } from "@/lib/permissions";
import type { SearchParams } from "@/lib/search-params";
import { PRIORITY_LABELS, SOURCE_LABELS, TASK_PRIORITIES, TASK_SOURCES } from "@/lib/tasks";
import { requirePageMember } from "@/server/auth/session";
import { memberToday } from "@/server/notifications/preferences";
import { listActiveMembers } from "@/server/team/queries";
import { MY_DAY_SECTION_LIMIT, readMyDayFilters } from "./search-params";

export const metadata = { title: "My day" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [params, members, today] = await Promise.all([searchParams, listActiveMembers(db), memberToday(db, member.id)]);
  const filters = readMyDayFilters(params, member.id);
  const query = { ...filters, today, limit: MY_DAY_SECTION_LIMIT };
  return (
    <>
      <PageHeader
        title="My day"
        description="Open tasks: overdue first, then today and this week, grouped by customer with their balance and risk."
      />
      <Suspense fallback={<Skeleton className="mb-4 h-9 w-48" />}>
        <SavedViews list="tasks" member={member} />
      </Suspense>
      <form method="get" role="search" aria-label="Filter tasks" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect label="Assigned to" name="assignee" defaultValue={filters.who}>
          <option value="mine">Me</option>
          <option value="all">Everyone</option>
          <option value="unassigned">Nobody</option>
          {members
            .filter((one) => one.id !== member.id)
            .map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
        </FilterSelect>
        <FilterSelect label="Priority" name="priority" defaultValue={filters.priority ?? ""}>
          <option value="">Any priority</option>
          {TASK_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Source" name="source" defaultValue={filters.source ?? ""}>
          <option value="">Any source</option>
          {TASK_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <MyDay query={query} members={members} canChange={can(member.role, "tasks.write")} />
      </Suspense>
    </>
  );
}

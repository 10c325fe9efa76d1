import { Suspense } from "react";
import { FilterSelect } from "@/components/filters/filter-controls";
import { MyDay } from "@/components/tasks/my-day";
import { SavedViews } from "@/components/views/saved-views";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { can } from "@/lib/permissions";
import { type SearchParams, withParams } from "@/lib/search-params";
import { type DueBucket, TASK_PRIORITIES, TASK_SOURCES } from "@/lib/tasks";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/server/auth/session";
import { memberToday } from "@/server/notifications/preferences";
import { listActiveMembers } from "@/server/team/queries";
import {
  MY_DAY_SECTION_MAX,
  MY_DAY_SECTION_STEP,
  readMyDayFilters,
  readSectionLimits,
  showParam,
} from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("tasks.page");
  return { title: t("title") };
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [params, members, today, t, tl] = await Promise.all([
    searchParams,
    listActiveMembers(db),
    memberToday(db, member.id),
    getTranslations("tasks.page"),
    getTranslations("labels"),
  ]);
  const filters = readMyDayFilters(params, member.id);
  const limit = readSectionLimits(params);
  const query = { ...filters, today, limit };
  const more = (bucket: DueBucket) =>
    limit[bucket] < MY_DAY_SECTION_MAX
      ? withParams("/tasks", params, {
          [showParam(bucket)]: Math.min(limit[bucket] + MY_DAY_SECTION_STEP, MY_DAY_SECTION_MAX),
        })
      : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense fallback={<Skeleton className="mb-4 h-9 w-48" />}>
        <SavedViews list="tasks" member={member} />
      </Suspense>
      <form method="get" role="search" aria-label={t("filter")} className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect label={t("assignedTo")} name="assignee" defaultValue={filters.who}>
          <option value="mine">{t("me")}</option>
          <option value="all">{t("everyone")}</option>
          <option value="unassigned">{t("nobody")}</option>
          {members
            .filter((one) => one.id !== member.id)
            .map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
        </FilterSelect>
        <FilterSelect label={t("priority")} name="priority" defaultValue={filters.priority ?? ""}>
          <option value="">{t("anyPriority")}</option>
          {TASK_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {tl(`taskPriority.${priority}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("source")} name="source" defaultValue={filters.source ?? ""}>
          <option value="">{t("anySource")}</option>
          {TASK_SOURCES.map((source) => (
            <option key={source} value={source}>
              {tl(`taskSource.${source}`)}
            </option>
          ))}
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
      </form>
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <MyDay query={query} more={more} members={members} canChange={can(member.role, "tasks.write")} />
      </Suspense>
    </>
  );
}

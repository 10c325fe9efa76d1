import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/settings/import-form";
import { requirePageMember } from "@/server/auth/session";
import { can } from "@/lib/permissions";

export const metadata = { title: "Import and export" };

export default async function DataPage() {
  const member = await requirePageMember("settings.read");
  const today = new Date();
  const monthAgo = new Date(today);
  monthAgo.setUTCDate(monthAgo.getUTCDate() - 30);
  const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";
  return (
    <div className="space-y-6">
      {can(member.role, "settings.manage") ? (
        <Card title="Import from CSV">
          <p className="mb-3 text-sm text-slate-600">
            Customers are matched by external id (or email) and updated; interactions need an external id each, so
            importing the same file twice adds nothing. Every row is checked first: one bad row and nothing is imported.
          </p>
          <ImportForm />
        </Card>
      ) : null}
      <Card title="Export">
        <div className="space-y-4 text-sm">
          <p>
            <a href="/export/customers" className={buttonClass("secondary")} download>
              Customers (CSV)
            </a>
            <span className="ml-3 text-slate-600">Every customer with the stage in each model, balance and risk.</span>
          </p>
          <form
            method="get"
            action="/export/interactions"
            aria-label="Export interactions"
            className="flex flex-wrap items-end gap-3"
          >
            <label className="flex flex-col text-xs font-medium text-slate-600">
              From
              <input
                type="date"
                name="from"
                defaultValue={monthAgo.toISOString().slice(0, 10)}
                required
                className={control}
              />
            </label>
            <label className="flex flex-col text-xs font-medium text-slate-600">
              To
              <input
                type="date"
                name="to"
                defaultValue={today.toISOString().slice(0, 10)}
                required
                className={control}
              />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              Interactions (CSV)
            </button>
          </form>
          <p className="text-slate-600">
            The debt-risk list has its own export, with its filters, on the risk page. Exports stream, so large books
            download without waiting.
          </p>
        </div>
      </Card>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { changeRoleStatusAction } from "@/server/advocacy/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export function RoleStatusButtons({
  assignmentId,
  status,
  label,
}: {
  assignmentId: number;
  status: "invited" | "active" | "retired";
  label: string;
}) {
  const t = useTranslations("advocates.statusButtons");
  const { state, pending, onSubmit } = useActionForm(changeRoleStatusAction);
  if (status === "retired") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "invited" ? (
        <form onSubmit={onSubmit} aria-label={t("activateAria", { label })}>
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <input type="hidden" name="status" value="active" />
          <SubmitButton variant="secondary" pending={pending} pendingText="…">
            {t("activate")}
          </SubmitButton>
        </form>
      ) : null}
      <form onSubmit={onSubmit} aria-label={t("retireAria", { label })}>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="status" value="retired" />
        <SubmitButton variant="secondary" pending={pending} pendingText="…">
          {t("retire")}
        </SubmitButton>
      </form>
      <FormMessage state={state} />
    </div>
  );
}

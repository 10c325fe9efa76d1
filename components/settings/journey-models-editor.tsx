import { getTranslations } from "next-intl/server";
import { JourneyModelForm } from "@/components/settings/journey-model-form";
import { readDb } from "@/server/reads/read-db";
import { MILESTONES } from "@/lib/journey/models";
import { can, type SessionMember } from "@/lib/permissions";
import { getJourneyModels } from "@/server/journey/models";

/** Every journey model's stages on the milestone ladder; admins rename, remap and add models. */
export async function JourneyModelsEditor({ member }: { member: SessionMember }) {
  const [db, t, tl] = await Promise.all([readDb(), getTranslations("settings"), getTranslations("labels")]);
  const models = await getJourneyModels(db);
  const editable = can(member.role, "settings.manage");
  return (
    <div className="space-y-6">
      <div className="max-w-prose text-sm text-slate-600">
        <p>{t("journeyModels.intro")}</p>
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-slate-700">{t("journeyModels.milestones")}</summary>
          <ol className="mt-2 list-decimal space-y-0.5 pl-6">
            {MILESTONES.map((m) => (
              <li key={m.number}>
                <strong>{tl(`milestones.${m.key}`)}</strong> — {tl(`milestoneEvidence.${m.key}`)}
              </li>
            ))}
          </ol>
        </details>
      </div>
      {models.map((model) => (
        <JourneyModelForm
          key={`${model.id}-${model.stages.map((s) => `${s.name}${s.fromMilestone}${s.toMilestone}${s.targetDays}`).join()}`}
          model={model}
          editable={editable}
        />
      ))}
      {editable ? (
        <section aria-label={t("journeyModels.addCustom")}>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("journeyModels.addCustom")}</h2>
          <JourneyModelForm
            model={{
              name: "",
              shape: "funnel",
              isDefault: false,
              stages: [
                { name: t("journeyModels.defaultStages.beforeSale"), fromMilestone: 1, toMilestone: 6, targetDays: 60 },
                {
                  name: t("journeyModels.defaultStages.gettingStarted"),
                  fromMilestone: 7,
                  toMilestone: 9,
                  targetDays: 60,
                },
                { name: t("journeyModels.defaultStages.growing"), fromMilestone: 10, toMilestone: 13, targetDays: 365 },
              ],
            }}
            editable
          />
        </section>
      ) : null}
    </div>
  );
}

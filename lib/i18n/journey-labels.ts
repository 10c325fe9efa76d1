import type { useTranslations } from "next-intl";
import { DEFAULT_MODELS } from "@/lib/journey/models";

/**
 * The three built-in journey models (Marketing Hourglass, Customer Value Journey, SCALE) and their
 * stages are shown in the reader's language only while they still carry the built-in English name;
 * a name a team changed in Settings → Journey is shown as they wrote it.
 * `t` is the "journey" namespace's translator: `useTranslations("journey")` or `getTranslations("journey")`.
 */
type T = ReturnType<typeof useTranslations<"journey">>;
// Keys built from a built-in model's key and stage name, all present in the catalog.
const builtIn = (key: string) => key as Parameters<T>[0];

const builtInModels = new Map(DEFAULT_MODELS.map((model) => [model.key, model]));

/** "Advocacy" → "advocacy", "Customer Value" → "customerValue": a stage's key in journey.models.<model>.stages. */
function camelCase(name: string): string {
  return name
    .trim()
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()))
    .join("");
}

/** "Marketing Hourglass" → "Marketing-Sanduhr" in German; a team's own name as written. */
export function modelName(t: T, model: { key: string; name: string }): string {
  return builtInModels.get(model.key)?.name === model.name ? t(builtIn(`models.${model.key}.name`)) : model.name;
}

/** SCALE's "Seek" → "Suche" in German; a renamed or added stage as written. */
export function stageName(t: T, model: { key: string }, stage: { name: string }): string {
  const known = builtInModels.get(model.key)?.stages.some((s) => s.name === stage.name);
  return known ? t(builtIn(`models.${model.key}.stages.${camelCase(stage.name)}`)) : stage.name;
}

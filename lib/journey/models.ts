import type { Message, MessageValue } from "@/lib/error-messages";

/** The shared milestone ladder (PRODUCT.md). Every journey model maps these 13 steps to stages. */
export const MILESTONES = [
  { number: 1, key: "aware", label: "Aware", evidence: "First touch: saw a post, an ad, a shared article" },
  { number: 2, key: "engaged", label: "Engaged", evidence: "Interacted: read a post, commented, liked a video" },
  { number: 3, key: "researching", label: "Researching", evidence: "Compares solutions, reads guides" },
  {
    number: 4,
    key: "subscribed",
    label: "Subscribed",
    evidence: "Gave contact details: newsletter, download, sign-up",
  },
  { number: 5, key: "evaluating", label: "Evaluating", evidence: "Trial, demo, feature checklist" },
  { number: 6, key: "justifying", label: "Justifying", evidence: "Business case, proposal, pricing talk" },
  { number: 7, key: "converted", label: "Converted", evidence: "First purchase (a tripwire offer counts)" },
  { number: 8, key: "onboarding", label: "Onboarding", evidence: "Implementation, training" },
  { number: 9, key: "activated", label: "Activated", evidence: "First real value, onboarding done" },
  { number: 10, key: "retained", label: "Retained", evidence: "Ongoing use, renewals" },
  { number: 11, key: "expanded", label: "Expanded", evidence: "Upsell, cross-sell, upgrade" },
  { number: 12, key: "advocate", label: "Advocate", evidence: "Testimonial, review, reference when asked" },
  { number: 13, key: "promoter", label: "Promoter", evidence: "Refers friends, holds a community role" },
] as const;

export const FIRST_MILESTONE = 1;
export const LAST_MILESTONE = 13;
export const CONVERTED_MILESTONE = 7;

export function milestoneLabel(milestone: number): string {
  return MILESTONES[milestone - 1]?.label ?? `Milestone ${milestone}`;
}

export type StageRange = { name: string; fromMilestone: number; toMilestone: number };

export type ModelDefinition = {
  key: string;
  name: string;
  shape: "hourglass" | "funnel" | "stages";
  description: string;
  stages: (StageRange & { targetDays: number })[];
};

/** The three published models and their default mapping onto the ladder (PRODUCT.md table). */
export const DEFAULT_MODELS: ModelDefinition[] = [
  {
    key: "hourglass",
    name: "Marketing Hourglass",
    shape: "hourglass",
    description: "John Jantsch / DeAsi: narrows to the purchase, widens again as good customers multiply.",
    stages: [
      { name: "Engagement", fromMilestone: 1, toMilestone: 1, targetDays: 14 },
      { name: "Education", fromMilestone: 2, toMilestone: 2, targetDays: 14 },
      { name: "Research", fromMilestone: 3, toMilestone: 4, targetDays: 21 },
      { name: "Evaluation", fromMilestone: 5, toMilestone: 5, targetDays: 21 },
      { name: "Justification", fromMilestone: 6, toMilestone: 6, targetDays: 14 },
      { name: "Purchase", fromMilestone: 7, toMilestone: 7, targetDays: 14 },
      { name: "Adoption", fromMilestone: 8, toMilestone: 9, targetDays: 45 },
      { name: "Retention", fromMilestone: 10, toMilestone: 10, targetDays: 180 },
      { name: "Expansion", fromMilestone: 11, toMilestone: 11, targetDays: 180 },
      { name: "Advocacy", fromMilestone: 12, toMilestone: 13, targetDays: 365 },
    ],
  },
  {
    key: "cvj",
    name: "Customer Value Journey",
    shape: "funnel",
    description: "DigitalMarketer: eight steps from a stranger to a promoter.",
    stages: [
      { name: "Awareness", fromMilestone: 1, toMilestone: 1, targetDays: 14 },
      { name: "Engagement", fromMilestone: 2, toMilestone: 3, targetDays: 21 },
      { name: "Subscription", fromMilestone: 4, toMilestone: 6, targetDays: 30 },
      { name: "Conversion", fromMilestone: 7, toMilestone: 7, targetDays: 14 },
      { name: "Excitement", fromMilestone: 8, toMilestone: 10, targetDays: 90 },
      { name: "Ascension", fromMilestone: 11, toMilestone: 11, targetDays: 180 },
      { name: "Advocate", fromMilestone: 12, toMilestone: 12, targetDays: 180 },
      { name: "Promotion", fromMilestone: 13, toMilestone: 13, targetDays: 365 },
    ],
  },
  {
    key: "scale",
    name: "SCALE",
    shape: "stages",
    description: "Seek, Consider, Act, Love, Engage: read with the experience ledger.",
    stages: [
      { name: "Seek", fromMilestone: 1, toMilestone: 3, targetDays: 30 },
      { name: "Consider", fromMilestone: 4, toMilestone: 6, targetDays: 30 },
      { name: "Act", fromMilestone: 7, toMilestone: 8, targetDays: 30 },
      { name: "Love", fromMilestone: 9, toMilestone: 11, targetDays: 365 },
      { name: "Engage", fromMilestone: 12, toMilestone: 13, targetDays: 365 },
    ],
  },
];

export function stageForMilestone<S extends StageRange>(stages: readonly S[], milestone: number): S | undefined {
  return stages.find((stage) => milestone >= stage.fromMilestone && milestone <= stage.toMilestone);
}

/**
 * Checks that stages, in their order, cover milestones 1–13 with no gap or overlap.
 * Returns one friendly message per problem (catalog messages: lib/error-messages.ts); an empty
 * list means the model is valid.
 */
export function validateStageRanges(stages: readonly StageRange[]): Message[] {
  const problems: Message[] = [];
  if (stages.length === 0) return [{ key: "journey.needsStage" }];
  let expected = FIRST_MILESTONE;
  stages.forEach((stage, index) => {
    const number = index + 1;
    const label: MessageValue = stage.name.trim() || { key: "journey.stageNumbered", values: { number } };
    if (!stage.name.trim()) problems.push({ key: "journey.stageNeedsName", values: { number } });
    if (stage.fromMilestone > stage.toMilestone) {
      problems.push({
        key: "journey.endsBeforeStart",
        values: { stage: label, from: stage.fromMilestone, to: stage.toMilestone },
      });
    }
    if (stage.fromMilestone > expected) {
      problems.push({ key: "journey.gap", values: { from: expected, to: stage.fromMilestone - 1, stage: label } });
    } else if (stage.fromMilestone < expected) {
      problems.push({ key: "journey.overlap", values: { stage: label, from: stage.fromMilestone } });
    }
    expected = Math.max(expected, stage.toMilestone + 1);
  });
  if (expected <= LAST_MILESTONE) {
    problems.push({ key: "journey.gapAtEnd", values: { from: expected, last: LAST_MILESTONE } });
  }
  return problems;
}

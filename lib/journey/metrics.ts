export type StageCounts = { stageId: number; now: number; reached: number };

export type StageMetrics = StageCounts & {
  share: number | null;
  conversionToNext: number | null;
  cumulativeConversion: number | null;
  dropOff: number | null;
};

/**
 * Per stage: share of the book now in it; conversion to the next stage = reached next ÷ reached
 * this; cumulative conversion = reached this ÷ reached the first; drop-off = 1 − conversion.
 */
export function stageMetrics(stages: readonly StageCounts[], total: number): StageMetrics[] {
  const first = stages[0]?.reached ?? 0;
  return stages.map((stage, index) => {
    const next = stages[index + 1];
    const conversionToNext = next && stage.reached > 0 ? next.reached / stage.reached : null;
    return {
      ...stage,
      share: total > 0 ? stage.now / total : null,
      conversionToNext,
      cumulativeConversion: first > 0 ? stage.reached / first : null,
      dropOff: conversionToNext === null ? null : 1 - conversionToNext,
    };
  });
}

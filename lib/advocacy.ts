/** The start of the calendar quarter `at` falls in (UTC): ask capacity counts per quarter. */
export function quarterStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3) * 3, 1));
}

/** Their names are in the "labels" catalog: communityKinds, askKinds, askOutcomes. */
export const COMMUNITY_ACTIVITY_KINDS = [
  "moderated",
  "answered_questions",
  "gave_talk",
  "wrote_post",
  "referred_customer",
  "product_feedback",
  "hosted_event",
] as const;
export const ASK_KINDS = ["reference_call", "review", "case_study", "talk", "beta_feedback"] as const;
export const ASK_OUTCOMES = ["pending", "accepted", "declined", "done"] as const;
export const ROLE_ASSIGNMENT_STATUSES = ["invited", "active", "retired"] as const;

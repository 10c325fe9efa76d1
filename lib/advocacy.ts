/** The start of the calendar quarter `at` falls in (UTC): ask capacity counts per quarter. */
export function quarterStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3) * 3, 1));
}

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

export const COMMUNITY_KIND_LABELS = {
  moderated: "Moderated a group",
  answered_questions: "Answered questions",
  gave_talk: "Gave a talk",
  wrote_post: "Wrote a post",
  referred_customer: "Referred a customer",
  product_feedback: "Gave product feedback",
  hosted_event: "Hosted an event",
} as const;

export const ASK_KIND_LABELS = {
  reference_call: "Reference call",
  review: "Review",
  case_study: "Case study",
  talk: "Talk",
  beta_feedback: "Beta feedback",
} as const;

export const ASK_OUTCOME_LABELS = {
  pending: "Pending",
  accepted: "Accepted",
  declined: "Declined",
  done: "Done",
} as const;

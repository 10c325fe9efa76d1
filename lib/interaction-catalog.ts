export const INTERACTION_CATEGORIES = [
  "marketing",
  "sales",
  "product",
  "support",
  "success",
  "billing",
  "community",
] as const;
type Category = (typeof INTERACTION_CATEGORIES)[number];
type CatalogEntry = { key: string; label: string; category: Category; weight: number; milestone: number | null };

/**
 * Default interaction types (PRODUCT.md, "The experience ledger"): credits > 0, debits < 0,
 * neutral 0, and the milestone each one proves a customer has reached.
 */
export const INTERACTION_CATALOG: CatalogEntry[] = [
  // Journey evidence before the sale: neutral on the ledger, they move the milestone.
  { key: "content_view", label: "Viewed content", category: "marketing", weight: 0, milestone: 1 },
  { key: "ad_click", label: "Clicked an ad", category: "marketing", weight: 0, milestone: 1 },
  { key: "social_engagement", label: "Engaged on social", category: "marketing", weight: 0, milestone: 2 },
  { key: "guide_read", label: "Read a guide or comparison", category: "marketing", weight: 0, milestone: 3 },
  { key: "signup", label: "Signed up / subscribed", category: "marketing", weight: 0, milestone: 4 },
  { key: "trial_started", label: "Started a trial", category: "sales", weight: 0, milestone: 5 },
  { key: "demo", label: "Demo", category: "sales", weight: 0, milestone: 5 },
  { key: "proposal", label: "Proposal / pricing talk", category: "sales", weight: 0, milestone: 6 },
  { key: "purchase", label: "First purchase", category: "sales", weight: 2, milestone: 7 },
  { key: "onboarding_session", label: "Onboarding session", category: "success", weight: 0, milestone: 8 },
  { key: "onboarding_completed", label: "Onboarding completed", category: "success", weight: 1, milestone: 9 },
  { key: "login", label: "Logged in", category: "product", weight: 0, milestone: null },
  // Credits
  { key: "praise", label: "Praise", category: "success", weight: 2, milestone: null },
  { key: "feature_adopted", label: "Feature adopted", category: "product", weight: 1, milestone: null },
  { key: "goal_reached", label: "Goal reached", category: "success", weight: 2, milestone: null },
  { key: "issue_resolved_fast", label: "Issue resolved fast", category: "support", weight: 1, milestone: null },
  { key: "delight_moment", label: "Delight moment", category: "success", weight: 3, milestone: null },
  { key: "community_contribution", label: "Community contribution", category: "community", weight: 2, milestone: null },
  { key: "referral", label: "Referral", category: "community", weight: 3, milestone: 13 },
  { key: "review", label: "Review / testimonial", category: "community", weight: 2, milestone: 12 },
  { key: "nps_promoter", label: "NPS promoter (9–10)", category: "success", weight: 2, milestone: null },
  { key: "renewal", label: "Renewal", category: "billing", weight: 2, milestone: 10 },
  { key: "upgrade", label: "Upgrade", category: "billing", weight: 3, milestone: 11 },
  // Debits
  { key: "bug_report", label: "Bug report", category: "product", weight: -1, milestone: null },
  { key: "error_hit", label: "Error hit", category: "product", weight: -1, milestone: null },
  { key: "support_ticket", label: "Support ticket", category: "support", weight: -1, milestone: null },
  { key: "complaint", label: "Complaint", category: "support", weight: -3, milestone: null },
  { key: "social_mention", label: "Negative social mention", category: "community", weight: -2, milestone: null },
  { key: "outage", label: "Outage", category: "product", weight: -2, milestone: null },
  { key: "slow_response", label: "Slow response", category: "support", weight: -1, milestone: null },
  { key: "nps_detractor", label: "NPS detractor (0–6)", category: "success", weight: -2, milestone: null },
  { key: "billing_problem", label: "Billing problem", category: "billing", weight: -2, milestone: null },
  { key: "ignored_outreach", label: "Ignored outreach", category: "success", weight: -1, milestone: null },
  { key: "downgrade", label: "Downgrade", category: "billing", weight: -3, milestone: null },
  { key: "cancellation_request", label: "Cancellation request", category: "billing", weight: -4, milestone: null },
  // Neutral
  { key: "note", label: "Note", category: "success", weight: 0, milestone: null },
  { key: "call", label: "Call", category: "success", weight: 0, milestone: null },
  { key: "meeting", label: "Meeting", category: "success", weight: 0, milestone: null },
  { key: "outbound_email", label: "Outbound email", category: "success", weight: 0, milestone: null },
  { key: "nps_passive", label: "NPS passive (7–8)", category: "success", weight: 0, milestone: null },
  { key: "stage_change", label: "Stage change", category: "success", weight: 0, milestone: null },
];

export const ADVOCATE_ROLE_CATALOG = [
  {
    key: "community_moderator",
    name: "Community moderator",
    description: "Keeps a group or forum friendly and on topic.",
  },
  { key: "beta_tester", name: "Beta tester (labs)", description: "Tries new features early in the labs group." },
  {
    key: "reference_customer",
    name: "Reference customer",
    description: "Takes calls from prospects who ask for a reference.",
  },
  { key: "case_study", name: "Case study", description: "Tells their story in a published case study." },
  { key: "event_speaker", name: "Event speaker", description: "Speaks at our events and webinars." },
  { key: "referral_partner", name: "Referral partner", description: "Refers new customers to us." },
  { key: "content_creator", name: "Content creator", description: "Writes posts, makes videos, shares templates." },
  { key: "forum_helper", name: "Forum helper", description: "Answers other customers' questions." },
  { key: "advisory_board", name: "Advisory board", description: "Shapes the roadmap in regular sessions." },
];

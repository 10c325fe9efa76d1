import type { Queryable } from "@/db";
import { playbooks } from "@/db/schema";
import { firePlaybooksOverTime } from "@/server/playbooks/evaluate";

/** The demo team's playbooks: the plays a customer-success team starts with. */
const DEMO_PLAYBOOKS: (typeof playbooks.$inferInsert)[] = [
  {
    name: "Rescue accounts sliding into debt",
    trigger: "risk_at_risk",
    taskTitle: "Rescue plan for {{customer}}",
    checklist: ["Read the drivers on the risk list", "Call the main contact", "Agree one fix and a date"],
    dueInDays: 2,
    priority: "high",
  },
  {
    name: "Answer complaints within a day",
    trigger: "debit_logged",
    triggerTypeKey: "complaint",
    taskTitle: "Answer {{customer}}'s complaint",
    checklist: ["Reply personally", "Fix or escalate", "Follow up with a delight moment"],
    dueInDays: 1,
    priority: "urgent",
  },
  {
    name: "Win back detractors",
    trigger: "nps_detractor",
    taskTitle: "Call {{customer}} about their NPS answer",
    dueInDays: 3,
    priority: "high",
    emailSubject: "Thank you for your honest answer, {{customer}}",
    emailBody:
      "Hi {{customer}},\n\nthank you for telling us how we are doing. I would like to understand what we can do better — may I call you this week?\n\n{{owner}}",
  },
  {
    name: "Reach out after 45 quiet days",
    trigger: "silence",
    triggerDays: 45,
    taskTitle: "Personal check-in with {{customer}} ({{days_silent}} days silent)",
    dueInDays: 5,
    priority: "normal",
  },
];

/** Adds the demo playbooks and fires them once over the book, so My day has work from the start. */
export async function seedDemoPlaybooks(db: Queryable): Promise<number> {
  await db.insert(playbooks).values(DEMO_PLAYBOOKS);
  return (await firePlaybooksOverTime(db)).length;
}

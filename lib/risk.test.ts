import { describe, expect, it } from "vitest";
import { describeDriver, riskScore, suggestNextSteps } from "./risk";
import { DEFAULT_SETTINGS } from "./settings";

const risk = DEFAULT_SETTINGS.risk;

describe("risk score", () => {
  it("balance −4, fell 2 in 30 days, silent 28 of 14 days, fatigued: 1·4 + 0.5·2 + 1·(28−14)/14 + 2·1 = 8", () => {
    expect(riskScore({ balance: -4, trend: -2, silentDays: 28, paying: true, fatigued: true }, risk)).toBeCloseTo(
      8,
      10,
    );
  });

  it("credit and a rising balance add nothing: +3 balance, +1 trend, active yesterday = 0", () => {
    expect(riskScore({ balance: 3, trend: 1, silentDays: 1, paying: true, fatigued: false }, risk)).toBe(0);
  });

  it("silence counts only for paying customers and is capped at 3 periods: 200 silent days → 1·3 = 3", () => {
    expect(riskScore({ balance: 0, trend: 0, silentDays: 200, paying: true, fatigued: false }, risk)).toBe(3);
    expect(riskScore({ balance: 0, trend: 0, silentDays: 200, paying: false, fatigued: false }, risk)).toBe(0);
  });
});

describe("suggested next step", () => {
  it("fatigue comes first, then fixing a recent complaint, a check-in for silence, an executive call for large MRR", () => {
    const steps = suggestNextSteps(
      { fatigued: true, silentDays: 30, paying: true, mrrCents: 500_000, recentDriverKeys: ["complaint"] },
      risk,
    );
    expect(steps.map((s) => s.key)).toEqual(["pause", "fix", "check_in", "executive"]);
    expect(steps[2].text).toBe("Personal check-in: silent for 30 days.");
    expect(steps[2]).toMatchObject({ key: "check_in", silentDays: 30 });
  });

  it("a sudden drop today (160 one-point tickets, −160) comes first, before fatigue", () => {
    const steps = suggestNextSteps(
      {
        fatigued: true,
        silentDays: 0,
        paying: true,
        mrrCents: 5_000,
        recentDriverKeys: ["support_ticket"],
        today: {
          impact: -160,
          driver: {
            typeKey: "support_ticket",
            label: "Support ticket",
            summary: "Where is it?",
            count: 160,
            period: "today",
          },
        },
      },
      risk,
    );
    expect(steps.map((s) => s.key)).toEqual(["sudden", "pause"]);
    expect(steps[0].text).toBe("Sudden drop: −160.0 today (160 × Support ticket today). Reach out today.");
    expect(steps[0]).toMatchObject({ impact: -160, driver: { count: 160, period: "today" } });
  });

  it("a drop of −4.9 today is not sudden (the line is −5)", () => {
    expect(
      suggestNextSteps(
        {
          fatigued: false,
          silentDays: 0,
          paying: true,
          mrrCents: 5_000,
          recentDriverKeys: [],
          today: {
            impact: -4.9,
            driver: { typeKey: "support_ticket", label: "Support ticket", summary: "x", count: 5, period: "today" },
          },
        },
        risk,
      ).map((s) => s.key),
    ).toEqual(["watch"]);
  });

  it("drivers read as people count them: one complaint with its summary, 160 tickets as one line", () => {
    expect(describeDriver({ label: "Complaint", summary: "Export broken", count: 1, period: "week" })).toBe(
      "Complaint — Export broken",
    );
    expect(describeDriver({ label: "Support ticket", summary: "Where is it?", count: 160, period: "today" })).toBe(
      "160 × Support ticket today",
    );
  });

  it("a small account with a support ticket only gets a watch note", () => {
    expect(
      suggestNextSteps(
        { fatigued: false, silentDays: 2, paying: true, mrrCents: 5_000, recentDriverKeys: ["support_ticket"] },
        risk,
      ).map((s) => s.key),
    ).toEqual(["watch"]);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { scoringFormFields } from "@/testing/scoring-form";
import { scoringSchema } from "./scoring";

describe("Settings → Scoring validates in one round", () => {
  it("a half-life under 7 and a type weight of 500 are both reported at once, not one after the other", () => {
    const result = scoringSchema.safeParse(
      scoringFormFields(undefined, { creditHalfLifeDays: "3", "weight.praise": "500", "weight.complaint": "-2" }),
    );
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error as z.ZodError).fieldErrors as Record<string, string[]>;
    expect(errors).toEqual({
      creditHalfLifeDays: ["The credit half-life must be a number from 7 to 3650."],
      "weight.praise": ["A weight must be a number from −100 to 100."],
    });
  });
});

import { z } from "zod";

const DAY_MS = 86_400_000;

/** Empty form fields arrive as "": treat them as not given. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** An optional email field: empty means none, anything else must be an address. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "The email can have at most 320 characters.")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: "Enter a valid email address, like name@company.com." });
      return z.NEVER;
    }
    return value;
  });

/** An optional id from a select: empty means none. */
export const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const number = Number(value);
      if (!Number.isSafeInteger(number) || number <= 0) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return number;
    });

export const id = (what: string) =>
  z.coerce.number({ message: `Choose ${what}.` }).int(`Choose ${what}.`).positive(`Choose ${what}.`);

/** An ISO date-time (the browser sends its local time converted to ISO), not more than a day ahead. */
export const pastDateTime = z
  .string({ message: "Enter a date and time." })
  .trim()
  .min(1, "Enter a date and time.")
  .transform((value, ctx) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a valid date and time." });
      return z.NEVER;
    }
    return date;
  })
  .refine((date) => date.getTime() <= Date.now() + DAY_MS, "The date is more than a day in the future.")
  .refine((date) => date.getUTCFullYear() >= 2000, "The date is before the year 2000.");

/** Money typed in dollars ("1200", "99.50") stored as integer cents. */
export const dollarsToCents = z
  .string({ message: "Enter an amount in dollars." })
  .trim()
  .transform((value, ctx) => {
    const text = value.replace(/[$,\s]/g, "");
    if (text === "") return 0;
    if (/^-/.test(text)) {
      ctx.addIssue({ code: "custom", message: "MRR cannot be negative." });
      return z.NEVER;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "Enter MRR as an amount in dollars, like 1200 or 99.50." });
      return z.NEVER;
    }
    const cents = Math.round(Number(text) * 100);
    if (cents > 1_000_000_000) {
      ctx.addIssue({ code: "custom", message: "MRR above $10,000,000 a month looks like a typo." });
      return z.NEVER;
    }
    return cents;
  });

export function formDataToObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) object[key] = value;
  }
  return object;
}

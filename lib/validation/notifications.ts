import { z } from "zod";
import { checkbox, optionalText } from "./fields";

/** An IANA time zone this runtime knows (Europe/Berlin, Asia/Shanghai, UTC, …). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const preferencesSchema = z.object({
  timeZone: z
    .string({ message: "Choose a time zone." })
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "Choose a time zone from the list.")
    .refine(isTimeZone, "Choose a time zone from the list, like Europe/Berlin."),
  digestEmail: checkbox,
  inAppAlerts: checkbox,
  webhookUrl: optionalText(500, "The webhook URL").refine(
    (value) => value === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
    "Enter the webhook's full address, starting with https://",
  ),
});

export const noFieldsSchema = z.object({});

import { z } from "zod";
import { message } from "@/lib/error-messages";
import { SUBSCRIPTION_INTERVALS } from "@/lib/revenue";
import { checkbox, dollarsToCents, id, isCalendarDay, requiredText } from "./fields";
import { fails } from "./messages";

const plan = requiredText(60, {
  missing: message("subscriptions.planMissing"),
  tooLong: message("subscriptions.planTooLong"),
});
const price = dollarsToCents({
  negative: message("subscriptions.priceNegative"),
  notAmount: message("subscriptions.priceNotAmount"),
  tooLarge: message("subscriptions.priceTooLarge"),
});
const interval = z.enum(SUBSCRIPTION_INTERVALS, fails("subscriptions.interval"));

type Day = "startedOn" | "renewsOn" | "effectiveOn" | "endedOn" | "restartedOn";

/** A calendar day typed in a date field; the catalog names it in the messages ("Enter the start date."). */
const day = (which: Day) =>
  z
    .string(fails(`subscriptions.${which}.missing`))
    .trim()
    .min(1, fails(`subscriptions.${which}.missing`))
    .refine(isCalendarDay, fails(`subscriptions.${which}.invalid`))
    .refine((value) => value >= "2000-01-01", fails(`subscriptions.${which}.before2000`));
const optionalDay = (which: Day) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(day(which).nullable());

export const addSubscriptionSchema = z.object({
  customerId: id(message("choose.customer")),
  plan,
  amount: price,
  interval,
  startedOn: day("startedOn"),
  renewsOn: optionalDay("renewsOn"),
});

export const changeSubscriptionSchema = z.object({
  subscriptionId: id(message("choose.subscription")),
  plan,
  amount: price,
  interval,
  effectiveOn: day("effectiveOn"),
  renewsOn: optionalDay("renewsOn"),
  cancelAtPeriodEnd: checkbox,
});

export const endSubscriptionSchema = z.object({
  subscriptionId: id(message("choose.subscription")),
  endedOn: day("endedOn"),
});

export const reactivateSubscriptionSchema = z.object({
  subscriptionId: id(message("choose.subscription")),
  startedOn: day("restartedOn"),
  renewsOn: optionalDay("renewsOn"),
});

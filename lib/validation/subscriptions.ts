import { z } from "zod";
import { SUBSCRIPTION_INTERVALS } from "@/lib/revenue";
import { checkbox, dollarsToCents, id, isCalendarDay, requiredText } from "./fields";

const plan = requiredText(60, {
  missing: "Name the plan.",
  tooLong: "The plan's name can have at most 60 characters.",
});
const price = dollarsToCents({ subject: "The price", object: "the price", per: "" });
const interval = z.enum(SUBSCRIPTION_INTERVALS, { message: "Choose monthly or yearly." });

/** A calendar day typed in a date field; `label` names it in the messages. */
const day = (label: string) =>
  z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .refine(isCalendarDay, `Enter ${label} as a date that exists.`)
    .refine((value) => value >= "2000-01-01", `${label[0].toUpperCase()}${label.slice(1)} is before the year 2000.`);
const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(day(label).nullable());

export const addSubscriptionSchema = z.object({
  customerId: id("a customer"),
  plan,
  amount: price,
  interval,
  startedOn: day("the start date"),
  renewsOn: optionalDay("the renewal date"),
});

export const changeSubscriptionSchema = z.object({
  subscriptionId: id("a subscription"),
  plan,
  amount: price,
  interval,
  effectiveOn: day("the day the change takes effect"),
  renewsOn: optionalDay("the renewal date"),
  cancelAtPeriodEnd: checkbox,
});

export const endSubscriptionSchema = z.object({
  subscriptionId: id("a subscription"),
  endedOn: day("the day it ended"),
});

export const reactivateSubscriptionSchema = z.object({
  subscriptionId: id("a subscription"),
  startedOn: day("the day it started again"),
  renewsOn: optionalDay("the renewal date"),
});

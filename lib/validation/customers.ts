import { z } from "zod";
import { message } from "@/lib/error-messages";
import { PLANS } from "@/lib/plans";
import { dollarsToCents, id, optionalEmail, optionalId, optionalText, requiredText } from "./fields";
import { fails } from "./messages";

const ownerId = optionalId(message("customers.ownerFromList"));

export const customerFields = {
  name: requiredText(120, {
    missing: message("customers.nameMissing"),
    tooLong: message("field.nameTooLong", { max: 120 }),
  }),
  email: optionalEmail,
  company: optionalText(120, message("field.label.company")),
  plan: z.enum(PLANS, fails("customers.planFromList")),
  mrr: dollarsToCents({
    negative: message("customers.mrrNegative"),
    notAmount: message("customers.mrrNotAmount"),
    tooLarge: message("customers.mrrTooLarge"),
  }),
  ownerId,
};

export const createCustomerSchema = z.object(customerFields);
export const updateCustomerSchema = z.object({ customerId: id(message("choose.customer")), ...customerFields });
export const changeOwnerSchema = z.object({ customerId: id(message("choose.customer")), ownerId });
export const churnCustomerSchema = z.object({
  customerId: id(message("choose.customer")),
  reason: requiredText(500, {
    missing: message("customers.churnReasonMissing"),
    tooLong: message("customers.churnReasonTooLong"),
  }),
});
export const reactivateCustomerSchema = z.object({ customerId: id(message("choose.customer")) });

export type CustomerInput = z.infer<typeof createCustomerSchema>;

/** Erasing a customer: the admin types the customer's name to confirm (checked against the record). */
export const eraseCustomerSchema = z.object({
  customerId: id(message("choose.customer")),
  confirmName: z.string(fails("customers.confirmNameMissing")).trim().min(1, fails("customers.confirmNameMissing")),
});

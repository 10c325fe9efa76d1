import { z } from "zod";
import { PLANS } from "@/lib/plans";
import { dollarsToCents, id, optionalEmail, optionalId, optionalText, requiredText } from "./fields";

const ownerId = optionalId("Choose an owner from the list.");

export const customerFields = {
  name: requiredText(120, {
    missing: "Enter the customer's name.",
    tooLong: "The name can have at most 120 characters.",
  }),
  email: optionalEmail,
  company: optionalText(120, "The company"),
  plan: z.enum(PLANS, { message: "Choose a plan from the list." }),
  mrr: dollarsToCents({ subject: "MRR", object: "MRR", per: " a month" }),
  ownerId,
};

export const createCustomerSchema = z.object(customerFields);
export const updateCustomerSchema = z.object({ customerId: id("a customer"), ...customerFields });
export const changeOwnerSchema = z.object({ customerId: id("a customer"), ownerId });
export const churnCustomerSchema = z.object({
  customerId: id("a customer"),
  reason: requiredText(500, {
    missing: "Say why the customer churned.",
    tooLong: "Keep the reason under 500 characters.",
  }),
});
export const reactivateCustomerSchema = z.object({ customerId: id("a customer") });

export type CustomerInput = z.infer<typeof createCustomerSchema>;

/** Erasing a customer: the admin types the customer's name to confirm (checked against the record). */
export const eraseCustomerSchema = z.object({
  customerId: id("a customer"),
  confirmName: z
    .string({ message: "Type the customer's name to confirm." })
    .trim()
    .min(1, "Type the customer's name to confirm."),
});

import { z } from "zod";
import { PLANS } from "@/lib/plans";
import { dollarsToCents, id, optionalEmail, optionalId, optionalText } from "./fields";

const ownerId = optionalId("Choose an owner from the list.");

export const customerFields = {
  name: z.string({ message: "Enter the customer's name." }).trim().min(1, "Enter the customer's name.").max(120, "The name can have at most 120 characters."),
  email: optionalEmail,
  company: optionalText(120, "The company"),
  plan: z.enum(PLANS, { message: "Choose a plan from the list." }),
  mrr: dollarsToCents,
  ownerId,
};

export const createCustomerSchema = z.object(customerFields);
export const updateCustomerSchema = z.object({ customerId: id("a customer"), ...customerFields });
export const changeOwnerSchema = z.object({ customerId: id("a customer"), ownerId });
export const churnCustomerSchema = z.object({
  customerId: id("a customer"),
  reason: z.string({ message: "Say why the customer churned." }).trim().min(1, "Say why the customer churned.").max(500, "Keep the reason under 500 characters."),
});
export const reactivateCustomerSchema = z.object({ customerId: id("a customer") });

export type CustomerInput = z.infer<typeof createCustomerSchema>;

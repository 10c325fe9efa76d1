import { z } from "zod";
import { BULK_CUSTOMER_LIMIT, BULK_LISTS, tooManyMessage } from "@/lib/bulk-customers";
import { id, parseId, storable } from "./fields";
import { interactionFields, requestKey } from "./interactions";
import { milestoneFields } from "./journey";

const OUT_OF_DATE = "The selection is out of date; reload the page and select again.";
const NOTHING_SELECTED = "Select at least one customer.";

/** Customer ids as the bulk bar sends them: "3,8,21". */
const customerIds = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return [];
    const parts = typeof value === "string" ? value.split(",") : null;
    const ids = parts?.map((part) => parseId(part.trim()));
    if (!ids || ids.some((one) => one === null)) {
      ctx.addIssue({ code: "custom", message: OUT_OF_DATE });
      return z.NEVER;
    }
    return [...new Set(ids as number[])];
  });

/** How many customers the list said match its filters when the person chose "all matching". */
const expected = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return null;
    if (typeof value !== "string" || !/^\d{1,7}$/.test(value)) {
      ctx.addIssue({ code: "custom", message: OUT_OF_DATE });
      return z.NEVER;
    }
    return Number(value);
  });

/**
 * Which customers a bulk action is for: the ones ticked (`customerIds`), or every customer the list
 * shows with its filters (`scope` "matching", `filters` the list's URL query), which the server
 * resolves with the list's own query and compares with the count the person saw (`expected`).
 */
const selectionFields = {
  list: z.enum(BULK_LISTS, { message: "Choose the list the customers were selected on." }),
  scope: z.enum(["selected", "matching"], { message: OUT_OF_DATE }).optional().default("selected"),
  customerIds,
  filters: storable(z.string({ message: OUT_OF_DATE }).max(2_000, OUT_OF_DATE))
    .optional()
    .default(""),
  expected,
};

type Selection = {
  scope: "selected" | "matching";
  customerIds: number[];
  expected: number | null;
};

function checkSelection(input: Selection, ctx: z.RefinementCtx) {
  if (input.scope === "matching") {
    if (input.expected === null) ctx.addIssue({ code: "custom", path: ["customerIds"], message: OUT_OF_DATE });
    else if (input.expected === 0) ctx.addIssue({ code: "custom", path: ["customerIds"], message: NOTHING_SELECTED });
    return;
  }
  if (input.customerIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["customerIds"], message: NOTHING_SELECTED });
  else if (input.customerIds.length > BULK_CUSTOMER_LIMIT)
    ctx.addIssue({ code: "custom", path: ["customerIds"], message: tooManyMessage(input.customerIds.length) });
}

/** The new owner: a member, or "" for nobody — but said, never taken from a missing field. */
const newOwnerId = z.unknown().transform((value, ctx) => {
  if (value === "") return null;
  const parsed = parseId(value);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: "Choose the new owner from the list, or nobody." });
    return z.NEVER;
  }
  return parsed;
});

export const bulkChangeOwnerSchema = z.object({ ...selectionFields, ownerId: newOwnerId }).superRefine(checkSelection);

export const bulkSetMilestoneSchema = z.object({ ...selectionFields, ...milestoneFields }).superRefine(checkSelection);

export const bulkAddToPlaybookSchema = z
  .object({ ...selectionFields, playbookId: id("a playbook") })
  .superRefine(checkSelection);

export const bulkLogInteractionSchema = z
  .object({ ...selectionFields, ...interactionFields, requestKey })
  .superRefine(checkSelection);

export type BulkSelection = z.infer<z.ZodObject<typeof selectionFields>>;

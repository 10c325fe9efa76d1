import { z } from "zod";
import { BULK_CUSTOMER_LIMIT, BULK_LISTS } from "@/lib/bulk-customers";
import { message } from "@/lib/error-messages";
import { id, parseId, storable } from "./fields";
import { interactionFields, requestKey } from "./interactions";
import { milestoneFields } from "./journey";
import { fails, say } from "./messages";

const OUT_OF_DATE = message("bulk.outOfDate");
const NOTHING_SELECTED = message("bulk.nothingSelected");

/** Customer ids as the bulk bar sends them: "3,8,21". */
const customerIds = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return [];
    const parts = typeof value === "string" ? value.split(",") : null;
    const ids = parts?.map((part) => parseId(part.trim()));
    if (!ids || ids.some((one) => one === null)) {
      ctx.addIssue({ code: "custom", message: say(OUT_OF_DATE) });
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
      ctx.addIssue({ code: "custom", message: say(OUT_OF_DATE) });
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
  list: z.enum(BULK_LISTS, fails("bulk.listMissing")),
  scope: z.enum(["selected", "matching"], fails(OUT_OF_DATE)).optional().default("selected"),
  customerIds,
  filters: storable(z.string(fails(OUT_OF_DATE)).max(2_000, fails(OUT_OF_DATE)))
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
    if (input.expected === null) ctx.addIssue({ code: "custom", path: ["customerIds"], message: say(OUT_OF_DATE) });
    else if (input.expected === 0)
      ctx.addIssue({ code: "custom", path: ["customerIds"], message: say(NOTHING_SELECTED) });
    return;
  }
  if (input.customerIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["customerIds"], message: say(NOTHING_SELECTED) });
  else if (input.customerIds.length > BULK_CUSTOMER_LIMIT) {
    const tooMany = message("bulk.tooManySelected", { count: input.customerIds.length, limit: BULK_CUSTOMER_LIMIT });
    ctx.addIssue({ code: "custom", path: ["customerIds"], message: say(tooMany) });
  }
}

/** The new owner: a member, or "" for nobody — but said, never taken from a missing field. */
const newOwnerId = z.unknown().transform((value, ctx) => {
  if (value === "") return null;
  const parsed = parseId(value);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: say(message("bulk.newOwner")) });
    return z.NEVER;
  }
  return parsed;
});

export const bulkChangeOwnerSchema = z.object({ ...selectionFields, ownerId: newOwnerId }).superRefine(checkSelection);

export const bulkSetMilestoneSchema = z.object({ ...selectionFields, ...milestoneFields }).superRefine(checkSelection);

export const bulkAddToPlaybookSchema = z
  .object({ ...selectionFields, playbookId: id(message("choose.playbook")) })
  .superRefine(checkSelection);

export const bulkLogInteractionSchema = z
  .object({ ...selectionFields, ...interactionFields, requestKey })
  .superRefine(checkSelection);

export type BulkSelection = z.infer<z.ZodObject<typeof selectionFields>>;

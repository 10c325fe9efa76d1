import { z } from "zod";
import { SAVED_VIEW_LISTS, VIEW_NAME_MAX, viewQuery } from "@/lib/saved-views";
import { checkbox, id, requiredText } from "./fields";

const viewName = requiredText(VIEW_NAME_MAX, {
  missing: "Give the view a name, like “Big accounts in onboarding”.",
  tooLong: `A view's name can have at most ${VIEW_NAME_MAX} characters.`,
});

/** A view saved from a list: its query is cut down to the list's own parameters here, before anything is stored. */
export const saveViewSchema = z
  .object({
    list: z.enum(SAVED_VIEW_LISTS, {
      message: "Views can be saved on the risk, customer, task, delight, advocate and journey lists.",
    }),
    query: z.string().max(4_000, "These filters are too long to save.").optional().default(""),
    name: viewName,
    shared: checkbox,
    pinned: checkbox,
  })
  .transform((input) => ({ ...input, query: viewQuery(input.list, input.query) }));

export const renameViewSchema = z.object({ viewId: id("a view"), name: viewName });

export const pinViewSchema = z.object({
  viewId: id("a view"),
  pinned: z
    .enum(["true", "false"], { message: "Say whether to pin or unpin the view." })
    .transform((v) => v === "true"),
});

export const deleteViewSchema = z.object({ viewId: id("a view") });

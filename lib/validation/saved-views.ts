import { z } from "zod";
import { SAVED_VIEW_LISTS, VIEW_NAME_MAX, viewQuery } from "@/lib/saved-views";
import { message } from "@/lib/error-messages";
import { checkbox, id, requiredText } from "./fields";
import { fails } from "./messages";

const viewName = requiredText(VIEW_NAME_MAX, {
  missing: message("views.nameMissing"),
  tooLong: message("views.nameTooLong", { max: VIEW_NAME_MAX }),
});

/** A view saved from a list: its query is cut down to the list's own parameters here, before anything is stored. */
export const saveViewSchema = z
  .object({
    list: z.enum(SAVED_VIEW_LISTS, fails("views.listMissing")),
    query: z.string().max(4_000, fails("views.filtersTooLong")).optional().default(""),
    name: viewName,
    shared: checkbox,
    pinned: checkbox,
  })
  .transform((input) => ({ ...input, query: viewQuery(input.list, input.query) }));

export const renameViewSchema = z.object({ viewId: id(message("choose.view")), name: viewName });

export const pinViewSchema = z.object({
  viewId: id(message("choose.view")),
  pinned: z.enum(["true", "false"], fails("views.pinOrUnpin")).transform((v) => v === "true"),
});

export const deleteViewSchema = z.object({ viewId: id(message("choose.view")) });

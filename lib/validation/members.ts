import { z } from "zod";
import { message } from "@/lib/error-messages";
import { id } from "./fields";
import { fails } from "./messages";

const role = z.enum(["admin", "manager", "csm", "viewer"], fails("choose.role"));

export const changeRoleSchema = z.object({ memberId: id(message("choose.member")), role });
export const setActiveSchema = z.object({
  memberId: id(message("choose.member")),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

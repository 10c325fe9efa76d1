import { z } from "zod";
import { id } from "./fields";

const role = z.enum(["admin", "manager", "csm", "viewer"], { message: "Choose a role." });

export const changeRoleSchema = z.object({ memberId: id("a member"), role });
export const setActiveSchema = z.object({
  memberId: id("a member"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

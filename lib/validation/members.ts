import { z } from "zod";
import { id, requiredText } from "./fields";

const role = z.enum(["admin", "manager", "csm", "viewer"], { message: "Choose a role." });

export const addMemberSchema = z.object({
  name: requiredText(120, { missing: "Enter the member's name.", tooLong: "At most 120 characters." }),
  email: z
    .string({ message: "Enter an email address." })
    .trim()
    .toLowerCase()
    .email("Enter a valid email address, like name@company.com.")
    .max(320),
  role,
  password: z
    .string({ message: "Set a first password." })
    .min(12, "The password needs at least 12 characters.")
    .max(200, "At most 200 characters."),
});

export const changeRoleSchema = z.object({ memberId: id("a member"), role });
export const setActiveSchema = z.object({
  memberId: id("a member"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

import { z } from "zod";
import { API_SCOPES } from "@/lib/api/tokens";

export const createApiTokenSchema = z
  .object({
    name: z.string({ message: "Name the token." }).trim().min(1, "Name the token, e.g. after the system that uses it.").max(60, "At most 60 characters."),
  })
  .catchall(z.string())
  .transform((input, ctx) => {
    const scopes = API_SCOPES.filter((scope) => input[`scope.${scope}`] === "on");
    if (scopes.length === 0) {
      ctx.addIssue({ code: "custom", message: "Choose at least one scope.", path: ["scopes"] });
      return z.NEVER;
    }
    return { name: input.name, scopes };
  });

export const revokeApiTokenSchema = z.object({ tokenId: z.coerce.number().int().positive() });

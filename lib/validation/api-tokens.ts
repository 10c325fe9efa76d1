import { z } from "zod";
import { API_SCOPES } from "@/lib/api/tokens";
import { id, requiredText } from "./fields";

export const createApiTokenSchema = z
  .object({
    name: requiredText(60, {
      missing: "Name the token, e.g. after the system that uses it.",
      tooLong: "At most 60 characters.",
    }),
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

export const revokeApiTokenSchema = z.object({ tokenId: id("a token") });

import { z } from "zod";
import { API_SCOPES } from "@/lib/api/tokens";
import { message } from "@/lib/error-messages";
import { id, requiredText } from "./fields";
import { say } from "./messages";

export const createApiTokenSchema = z
  .object({
    name: requiredText(60, {
      missing: message("tokens.nameMissing"),
      tooLong: message("field.atMost", { max: 60 }),
    }),
  })
  .catchall(z.string())
  .transform((input, ctx) => {
    const scopes = API_SCOPES.filter((scope) => input[`scope.${scope}`] === "on");
    if (scopes.length === 0) {
      ctx.addIssue({ code: "custom", message: say(message("tokens.scopeMissing")), path: ["scopes"] });
      return z.NEVER;
    }
    return { name: input.name, scopes };
  });

export const revokeApiTokenSchema = z.object({ tokenId: id(message("choose.token")) });

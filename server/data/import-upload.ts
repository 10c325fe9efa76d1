import { z } from "zod";
import { english, message, type Speaker } from "@/lib/error-messages";
import type { ImportKind } from "@/lib/import-fields";
import { say } from "@/lib/validation/messages";

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const form = z.object({
  kind: z.enum(["customers", "interactions", "subscriptions"]),
  mapping: z.string().transform((text, ctx) => {
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: "custom", message: say(message("import.invalidMapping")) });
      return z.NEVER;
    }
  }),
});

export type ImportUpload = { kind: ImportKind; mapping: Record<string, string>; csv: string };

/** The import form's fields, or why they cannot be read (a body that is not a form at all included), in `speaker`'s language. */
export async function readImportUpload(
  request: Request,
  speaker: Speaker = english,
): Promise<{ upload: ImportUpload } | { status: 400 | 413; message: string }> {
  const refused = { status: 400 as const, message: speaker.say(message("import.uploadIncomplete")) };
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    return refused;
  }
  const file = data.get("file");
  const parsed = form.safeParse({ kind: data.get("kind"), mapping: data.get("mapping") });
  if (!(file instanceof File) || !parsed.success) return refused;
  if (file.size > MAX_IMPORT_BYTES) return { status: 413, message: speaker.say(message("import.fileTooLarge")) };
  return { upload: { ...parsed.data, csv: await file.text() } };
}

import { z } from "zod";
import type { ImportKind } from "@/lib/import-fields";

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const form = z.object({
  kind: z.enum(["customers", "interactions", "subscriptions"]),
  mapping: z.string().transform((text, ctx) => {
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: "custom", message: "Invalid column mapping." });
      return z.NEVER;
    }
  }),
});

export type ImportUpload = { kind: ImportKind; mapping: Record<string, string>; csv: string };

/** The import form's fields, or why they cannot be read (a body that is not a form at all included). */
export async function readImportUpload(
  request: Request,
): Promise<{ upload: ImportUpload } | { status: 400 | 413; message: string }> {
  const refused = { status: 400 as const, message: "Choose what to import, a CSV file and the column mapping." };
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    return refused;
  }
  const file = data.get("file");
  const parsed = form.safeParse({ kind: data.get("kind"), mapping: data.get("mapping") });
  if (!(file instanceof File) || !parsed.success) return refused;
  if (file.size > MAX_IMPORT_BYTES)
    return { status: 413, message: "The file is larger than 50 MB: split it into smaller files." };
  return { upload: { ...parsed.data, csv: await file.text() } };
}

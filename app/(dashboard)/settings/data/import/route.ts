import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prepareImport, runImport } from "@/db/mutations/csv-import";
import { requireMember } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const form = z.object({
  kind: z.enum(["customers", "interactions"]),
  mapping: z.string().transform((text, ctx) => {
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: "custom", message: "Invalid column mapping." });
      return z.NEVER;
    }
  }),
});

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * CSV import: validates every row first (400 with row numbers and reasons, nothing written),
 * then imports in one transaction while streaming progress as lines of JSON.
 */
export async function POST(request: Request) {
  let member;
  try {
    member = await requireMember("settings.manage");
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ message: error.message }, 403);
    throw error;
  }
  const data = await request.formData();
  const file = data.get("file");
  const parsed = form.safeParse({ kind: data.get("kind"), mapping: data.get("mapping") });
  if (!(file instanceof File) || !parsed.success) return json({ message: "Choose what to import, a CSV file and the column mapping." }, 400);
  if (file.size > MAX_FILE_BYTES) return json({ message: "The file is larger than 50 MB: split it into smaller files." }, 413);
  const prepared = await prepareImport(parsed.data.kind, await file.text(), parsed.data.mapping);
  if ("errors" in prepared) {
    return json({ message: `${prepared.errors.length} problems found; nothing was imported.`, errors: prepared.errors.slice(0, 200), total: prepared.errors.length }, 400);
  }
  const { plan } = prepared;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      send({ total: plan.rows.length, done: 0 });
      try {
        const result = await runImport(plan, member, (done) => send({ total: plan.rows.length, done }));
        revalidatePath("/", "layout");
        send({ ok: true, ...result });
      } catch (error) {
        console.error("[import] failed:", error);
        send({ ok: false, message: "The import failed on our side and nothing was saved. Please try again." });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}

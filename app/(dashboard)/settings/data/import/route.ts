import { db } from "@/db";
import { revalidatePath } from "next/cache";
import { prepareImport, runImport } from "@/server/data/csv-import";
import { requireMember } from "@/server/auth/session";
import { message } from "@/lib/error-messages";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { requestSpeaker } from "@/server/actions/request-speaker";
import { readImportUpload } from "@/server/data/import-upload";

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * CSV import: validates every row first (400 with row numbers and reasons, nothing written),
 * then imports in one transaction while streaming progress as lines of JSON. It answers in the
 * member's language.
 */
export async function POST(request: Request) {
  const speaker = await requestSpeaker();
  const { say } = speaker;
  let member;
  try {
    member = await requireMember("settings.manage");
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ message: say(error.text) }, 403);
    throw error;
  }
  const read = await readImportUpload(request, speaker);
  if ("status" in read) return json({ message: read.message }, read.status);
  const prepared = await prepareImport(db, read.upload, speaker);
  if ("errors" in prepared) {
    return json(
      {
        message: say(message("import.problemsFound", { count: prepared.errors.length })),
        errors: prepared.errors.slice(0, 200),
        total: prepared.errors.length,
      },
      400,
    );
  }
  const { plan } = prepared;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      send({ total: plan.rows.length, done: 0 });
      try {
        const result = await runImport(db, {
          plan,
          actor: member,
          onProgress: (done) => send({ total: plan.rows.length, done }),
        });
        revalidatePath("/", "layout");
        send({ ok: true, ...result });
      } catch (error) {
        // A row the booking engine refused (a change dated before the last one): say which, as the checks do.
        if (error instanceof ValidationError) send({ ok: false, message: say(error.text) });
        else {
          console.error("[import] failed:", error);
          send({ ok: false, message: say(message("import.failed")) });
        }
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}

import { csvRow } from "./csv";

type Cell = string | number | boolean | null | undefined;

/**
 * A CSV download streamed page by page: `nextPage(afterKey)` returns rows and the key to continue
 * from, so a large export never sits in memory and each page is one indexed query.
 */
export function csvResponse<K>(
  filename: string,
  header: string[],
  nextPage: (after: K | null) => Promise<{ rows: Cell[][]; next: K | null }>,
): Response {
  const encoder = new TextEncoder();
  let after: K | null = null;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(header)));
    },
    async pull(controller) {
      if (done) return;
      const page = await nextPage(after);
      if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(csvRow).join("")));
      after = page.next;
      if (page.next === null) {
        done = true;
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

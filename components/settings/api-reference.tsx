import { Card } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi";

/** The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export function ApiReference() {
  return (
    <Card title="API reference">
      <p className="mb-3 text-sm text-slate-700">
        {openApiDocument.info.description} Machine-readable:{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      <div className="space-y-4">
        {Object.entries(openApiDocument.paths).map(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => (
            <section
              key={`${method}${path}`}
              aria-label={`${method.toUpperCase()} ${path}`}
              className="rounded-md border border-slate-200 p-3"
            >
              <h3 className="font-mono text-sm font-semibold">
                <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">
                  {method.toUpperCase()}
                </span>
                /api/v1{path}
              </h3>
              <p className="mt-1 text-sm text-slate-700">{operation.summary}</p>
              <ul className="mt-2 grid gap-x-6 text-xs text-slate-600 sm:grid-cols-2">
                {Object.entries(operation.responses as Record<string, { description: string }>).map(
                  ([status, response]) => (
                    <li key={status}>
                      <span className="font-mono font-semibold">{status}</span> {response.description}
                    </li>
                  ),
                )}
              </ul>
            </section>
          )),
        )}
        <section aria-label="Event fields" className="rounded-md border border-slate-200 p-3 text-xs">
          <h3 className="mb-1 text-sm font-semibold">Event fields</h3>
          <ul className="space-y-0.5">
            {Object.entries(openApiDocument.components.schemas.Event.properties).map(([name, schema]) => (
              <li key={name}>
                <code className="font-semibold">{name}</code>
                {"description" in schema ? ` — ${schema.description}` : ""}
              </li>
            ))}
          </ul>
          <pre
            tabIndex={0}
            className="mt-2 overflow-x-auto rounded bg-slate-900 p-2 text-slate-100"
          >{`curl -X POST $HOURGLASS/api/v1/events \\
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
  -d '{"events":[{"externalId":"evt-1","customerEmail":"ada@example.com","type":"login","occurredAt":"2026-11-23T09:30:00Z"}]}'`}</pre>
        </section>
      </div>
    </Card>
  );
}

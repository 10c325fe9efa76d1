import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
};
type Parameter = { name: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

type T = ReturnType<typeof useTranslations<"settings">>;

/** A schema as a short type: `Customer`, `string (date-time)`, `one of a, b`, `Event[]` (the words in the reader's language). */
function typeOf(t: T, schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return t("apiReference.oneOf", { values: schema.enum.join(", ") });
  if (schema.type === "array") return `${typeOf(t, schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(t("apiReference.orSeparator")) : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function Fields({ schema }: { schema: Schema }) {
  const t = useTranslations("settings");
  const required = new Set(schema.required ?? []);
  return (
    <ul className="space-y-0.5">
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <li key={name}>
          <code className="font-semibold">{name}</code>
          <span className="text-slate-500">
            {" "}
            {typeOf(t, field)}
            {required.has(name) ? t("apiReference.required") : ""}
          </span>
          {field.description ? ` — ${field.description}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export function ApiReference() {
  const t = useTranslations("settings");
  const schemas = openApiDocument.components.schemas as Record<string, Schema>;
  return (
    <Card title={t("apiReference.title")}>
      <p className="mb-3 text-sm text-slate-700">
        {openApiDocument.info.description}{" "}
        {t.rich("apiReference.machineReadable", {
          link: (chunks) => (
            <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <div className="space-y-4">
        {Object.entries(openApiDocument.paths).map(([path, operations]) =>
          Object.entries(operations as Record<string, Operation>).map(([method, operation]) => {
            const body = operation.requestBody?.content["application/json"].schema;
            return (
              <section
                key={`${method}${path}`}
                aria-label={`${method.toUpperCase()} ${path}`}
                className="rounded-md border border-slate-200 p-3 text-xs text-slate-700"
              >
                <h3 className="font-mono text-sm font-semibold text-slate-900">
                  <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">
                    {method.toUpperCase()}
                  </span>
                  {`/api/v1${path}`}
                </h3>
                <p className="mt-1 text-sm">
                  {operation.summary} <code className="text-slate-500">{operation.operationId}</code>
                </p>
                {operation.description ? <p className="mt-1">{operation.description}</p> : null}
                {operation.parameters?.length ? (
                  <div className="mt-2">
                    <h4 className="font-semibold">{t("apiReference.parameters")}</h4>
                    <Fields
                      schema={{
                        properties: Object.fromEntries(
                          operation.parameters.map((p) => [p.name, { ...p.schema, description: p.description }]),
                        ),
                        required: operation.parameters.filter((p) => p.required).map((p) => p.name),
                      }}
                    />
                  </div>
                ) : null}
                {body ? (
                  <p className="mt-2">
                    <span className="font-semibold">{t("apiReference.body")}</span>{" "}
                    {body.$ref ? typeOf(t, body) : typeOf(t, Object.values(body.properties ?? {})[0])}
                  </p>
                ) : null}
                <ul className="mt-2 grid gap-x-6 sm:grid-cols-2">
                  {Object.entries(operation.responses).map(([status, response]) => (
                    <li key={status}>
                      <span className="font-mono font-semibold">{status}</span> {response.description}
                      {response.content && Number(status) < 400
                        ? ` → ${typeOf(t, response.content["application/json"].schema)}`
                        : ""}
                    </li>
                  ))}
                </ul>
              </section>
            );
          }),
        )}
        <section
          aria-label={t("apiReference.schemas")}
          className="rounded-md border border-slate-200 p-3 text-xs text-slate-700"
        >
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("apiReference.schemas")}</h3>
          {Object.entries(schemas).map(([name, schema]) => (
            <details key={name} className="border-t border-slate-100 py-1">
              <summary className="cursor-pointer font-mono font-semibold">{name}</summary>
              {schema.description ? <p className="my-1">{schema.description}</p> : null}
              <Fields schema={schema} />
            </details>
          ))}
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

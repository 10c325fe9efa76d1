import { beforeAll, describe, expect, it } from "vitest";
import type { SessionMember } from "@/lib/permissions";
import de from "@/messages/de/errors.json";
import en from "@/messages/en/errors.json";
import { executeAction } from "@/server/actions/execute";
import { POST as postCustomers } from "@/app/api/v1/customers/route";
import { createTask } from "@/server/tasks/commands";
import { saveView } from "@/server/views/commands";
import { apiToken } from "@/testing/api-token";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";

/*
 * What a server action says comes from the "errors" catalog in the member's language; the public
 * API, which parses with the same schemas, keeps answering in English.
 */

let csm: SessionMember;
let viewer: SessionMember;
let customerId: number;
let token: string;

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Clara CSM" }));
  viewer = asSessionMember(await createMember({ role: "viewer", name: "Viktor Viewer" }));
  customerId = (await createCustomer({ name: "Kunde GmbH" })).id;
  token = await apiToken(["write"]);
});

const today = () => new Date().toISOString().slice(0, 10);
const untitledTask = () => ({ customerId: String(customerId), title: "  ", dueOn: today(), priority: "normal" });

async function postCustomer(item: Record<string, unknown>) {
  const response = await postCustomers(
    new Request("http://localhost/api/v1/customers", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ customers: [item] }),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
}

describe("server actions answer in the member's language", () => {
  it("a form's validation errors come back in German, field by field, and nothing is saved", async () => {
    const before = await writeFingerprint();
    const result = await executeAction(createTask, csm, untitledTask(), "de");
    expect(result).toEqual({
      ok: false,
      message: de.action.fixFields,
      fieldErrors: { title: [de.tasks.titleMissing] },
    });
    expect(de.tasks.titleMissing).not.toBe(en.tasks.titleMissing);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("a role that may not do it is told so in German", async () => {
    const result = await executeAction(createTask, viewer, untitledTask(), "de");
    expect(result).toEqual({ ok: false, message: de.forbidden.role });
    expect(result.message).toBe("Ihre Rolle erlaubt das nicht. Wenden Sie sich an einen Admin, wenn Sie es brauchen.");
  });

  it("a refusal from the command itself carries its values into the German sentence", async () => {
    const view = { list: "customers", query: "plan=growth", name: "Wachstum" };
    expect(await executeAction(saveView, csm, view, "de")).toMatchObject({ ok: true });
    const again = await executeAction(saveView, csm, view, "de");
    const taken = "Sie haben in dieser Liste bereits eine Ansicht namens „Wachstum“. Wählen Sie einen anderen Namen.";
    expect(again).toEqual({ ok: false, message: de.action.fixFields, fieldErrors: { name: [taken] } });
  });

  it("without a locale, executeAction answers in English, as before", async () => {
    expect(await executeAction(createTask, csm, untitledTask())).toEqual({
      ok: false,
      message: "Please correct the highlighted fields. Nothing was saved.",
      fieldErrors: { title: ["Say what needs doing."] },
    });
    expect(await executeAction(createTask, viewer, untitledTask())).toEqual({
      ok: false,
      message: "Your role does not allow this. Ask an admin if you need it.",
    });
  });
});

describe("the public API keeps its English", () => {
  it("answers in English while German actions run at the same time, with the same schema messages", async () => {
    const [api, action] = await Promise.all([
      postCustomer({ externalId: "x-1", name: "", plan: "platinum" }),
      executeAction(createTask, csm, untitledTask(), "de"),
    ]);
    expect(action).toMatchObject({ ok: false, message: de.action.fixFields });
    expect(api.status).toBe(400);
    expect(api.body).toEqual({
      error: {
        code: "invalid_items",
        message: "Some items are invalid; nothing was saved.",
        errors: [
          { index: 0, field: "name", message: "Required." },
          { index: 0, field: "plan", message: "Must be one of: starter, growth, enterprise." },
        ],
      },
    });
  });

  it("a date the calendar lacks is explained in English to the API and in German to a form", async () => {
    const api = await postCustomer({ externalId: "x-2", name: "Ada", signedUpAt: "2026-02-30T10:00:00Z" });
    expect(api.body.error.errors).toEqual([{ index: 0, field: "signedUpAt", message: "February 2026 has no day 30." }]);
    const form = await executeAction(saveView, csm, { list: "nowhere", name: "" }, "de");
    expect(form).toMatchObject({
      ok: false,
      fieldErrors: { list: [de.views.listMissing], name: [de.views.nameMissing] },
    });
  });
});

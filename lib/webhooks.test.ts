import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, verifyWebhook, webhookHeaders } from "./webhooks";

describe("Standard Webhooks signatures", () => {
  it("verify with the scheme's reference library, and fail when the body changes", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ text: "3 tasks due today" });
    const headers = webhookHeaders(secret, "msg_42", body);
    const reference = new Webhook(secret);
    expect(reference.verify(body, headers)).toEqual({ text: "3 tasks due today" });
    expect(() => reference.verify(body.replace("3", "4"), headers)).toThrow();
    expect(verifyWebhook(secret, headers, body)).toBe(true);
    expect(verifyWebhook(secret, headers, `${body} `)).toBe(false);
  });

  it("match the reference library's own signature for a fixed id, time and body", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const at = new Date(1_614_265_330_000);
    const body = '{"test": 2432232314}';
    expect(webhookHeaders(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", body, at)["webhook-signature"]).toBe(
      new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", at, body),
    );
  });
});

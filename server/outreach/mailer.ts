import nodemailer, { type Transporter } from "nodemailer";

/** Where customer emails and digests go: an SMTP server when SMTP_URL is set, else the outbox table only. */
export function mailTransport(): "smtp" | "outbox" {
  return process.env.SMTP_URL ? "smtp" : "outbox";
}

let transporter: { url: string; transport: Transporter } | null = null;

function smtp(url: string): Transporter {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

export class MailRefusedError extends Error {
  constructor(readonly detail: string) {
    super(`The mail server did not take the email (${detail}).`);
    this.name = "MailRefusedError";
  }
}

/** Sends one plain-text email through SMTP_URL, from SMTP_FROM. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("sendMail needs SMTP_URL; check mailTransport() first.");
  try {
    await smtp(url).sendMail({ from: process.env.SMTP_FROM ?? "Hourglass <hourglass@localhost>", ...message });
  } catch (error) {
    const detail =
      error && typeof error === "object" && "responseCode" in error
        ? `SMTP ${String(error.responseCode)}`
        : error && typeof error === "object" && "code" in error
          ? String(error.code)
          : "no answer";
    throw new MailRefusedError(detail);
  }
}

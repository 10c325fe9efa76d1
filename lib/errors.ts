import { inEnglish, message, type Text } from "./error-messages";
import type { Permission } from "./permissions";

/**
 * Errors the app expects and explains to people; anything else is a bug and stays in the logs.
 * Each keeps what it says as catalog messages (lib/error-messages.ts) and its English in
 * Error.message. Forms show it in the member's language (server/actions/execute.ts); the API maps
 * each to its HTTP status, in English, in one place (server/api/handler.ts).
 */

/** A problem with one item of a batch (API, CSV import), by the item's position. */
export type ItemError = { index: number; field: string; message: string };

export class ForbiddenError extends Error {
  /** The message, to say in the reader's language. */
  readonly text: Text;

  constructor(
    readonly permission: Permission | null,
    text: Text = message("forbidden.role"),
  ) {
    super(inEnglish(text));
    this.text = text;
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  readonly text: Text;

  /** `what` starts the sentence: "The playbook" (a catalog message in notFound.what) was not found. */
  constructor(what: Text) {
    const text = message("notFound.message", { what });
    super(inEnglish(text));
    this.text = text;
    this.name = "NotFoundError";
  }
}

/** Input that cannot be saved: per form field, per batch item, or as a whole (`code` names it for the API). */
export class ValidationError extends Error {
  readonly text: Text;
  /** Per field, in English (the API's `errors`). */
  readonly fieldErrors: Record<string, string[]>;
  /** Per field, to say in the reader's language. */
  readonly fieldTexts: Record<string, Text[]>;

  constructor(
    text: Text,
    fieldTexts: Record<string, Text[]> = {},
    readonly details: { code?: string; items?: ItemError[] } = {},
  ) {
    super(inEnglish(text));
    this.text = text;
    this.fieldTexts = fieldTexts;
    this.fieldErrors = Object.fromEntries(
      Object.entries(fieldTexts).map(([field, texts]) => [field, texts.map(inEnglish)]),
    );
    this.name = "ValidationError";
  }
}

/** An idempotency key sent again with a different body: nothing is saved. */
export class IdempotencyConflictError extends Error {
  constructor(readonly items: ItemError[]) {
    super("An idempotency key was reused with a different body; nothing was saved.");
    this.name = "IdempotencyConflictError";
  }
}

/** No valid credentials (an API token). */
export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class PayloadTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}

export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

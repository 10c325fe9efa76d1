import type { Permission } from "./permissions";

/**
 * Errors the app expects and explains to people; anything else is a bug and stays in the logs.
 * Forms show their message (server/actions/execute.ts); the API maps each to its HTTP status in
 * one place (server/api/handler.ts).
 */

/** A problem with one item of a batch (API, CSV import), by the item's position. */
export type ItemError = { index: number; field: string; message: string };

export class ForbiddenError extends Error {
  constructor(
    readonly permission: Permission | null,
    message = "Your role does not allow this. Ask an admin if you need it.",
  ) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found. It may have been deleted.`);
    this.name = "NotFoundError";
  }
}

/** Input that cannot be saved: per form field, per batch item, or as a whole (`code` names it for the API). */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly details: { code?: string; items?: ItemError[] } = {},
  ) {
    super(message);
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

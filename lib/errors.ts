import type { Permission } from "./permissions";

/** Errors the app expects and explains to people; anything else is a bug and stays in the logs. */
export class ForbiddenError extends Error {
  constructor(
    readonly permission: Permission,
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

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

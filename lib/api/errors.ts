export type ItemError = { index: number; field: string; message: string };

/** An API failure with its HTTP status; the body is always JSON, never a stack trace. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: ItemError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    return Response.json(
      {
        error: { code: this.code, message: this.message, ...(this.extra.errors ? { errors: this.extra.errors } : {}) },
      },
      { status: this.status, headers: { "Cache-Control": "no-store", ...this.extra.headers } },
    );
  }
}

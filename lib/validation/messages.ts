import type { z } from "zod";
import {
  english,
  type Message,
  type MessageKey,
  type MessageValue,
  message,
  type Speaker,
  type Text,
} from "@/lib/error-messages";

/*
 * The schemas' messages are catalog messages, said in the language of the parse that finds the
 * problem: English unless the parse runs inside `safeParseIn` (server actions, the CSV import),
 * so the public API, which parses with plain `safeParse`, answers in English as before.
 * zod parses synchronously, and the language is set only for the span of one parse, so it
 * cannot leak into another request's.
 */
let current: Speaker = english;

/** `schema.safeParse(input)` with its messages in `speaker`'s language. */
export function safeParseIn<S extends z.ZodType>(speaker: Speaker, schema: S, input: unknown) {
  const previous = current;
  current = speaker;
  try {
    const result = schema.safeParse(input);
    // zod says its messages when the error is first read (a failed parse builds it lazily): read it now, in this language.
    if (!result.success) void result.error;
    return result;
  } finally {
    current = previous;
  }
}

/** A message as zod's `error` parameter: `.min(1, fails("tasks.titleMissing"))`. */
export function fails(key: MessageKey | Message, values?: Record<string, MessageValue>): { error: () => string } {
  const text = typeof key === "string" ? message(key, values) : key;
  return { error: () => current.say(text) };
}

/** A message said now, in the parse's language: for `ctx.addIssue` in refinements and transforms. */
export function say(text: Text): string {
  return current.say(text);
}

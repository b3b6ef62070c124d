import type { DynamiteError } from "../../../lib/core/index.js";

/** One hostile input: what is called, the typed error it must throw, and words its message must hold. */
export interface BadInputCase {
  /** The input, as listed in the README's bad-input catalogue. */
  input: string;
  error: abstract new (...args: never[]) => DynamiteError;
  /** A fragment of the message (the catalogue shows it). */
  message: string | RegExp;
  run: () => unknown;
}

/** A row of `size` bytes of text (to cross DynamoDB's 400 KB item limit). */
export const text = (size: number) => "x".repeat(size);

/** An object that contains itself. */
export function circular(): Record<string, unknown> {
  const loop: Record<string, unknown> = { a: 1 };
  loop.self = loop;
  return loop;
}

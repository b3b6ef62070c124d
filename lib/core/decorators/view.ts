import { Mutate } from "./columns.js";
import { onAttribute } from "./property-target.js";

/**
 * A read-side transform: the value is shown through `fn` whenever the row is read and after the
 * instance is written; the table keeps the value as written. Dirty tracking compares through `fn`,
 * so reading a row and saving it unchanged writes nothing.
 * @example `@Get((role: string) => role.toUpperCase()) declare role: string;`
 */
export function Get(fn: (value: any) => unknown): PropertyDecorator {
  return onAttribute((meta) => {
    meta.view = fn;
  });
}

/**
 * The @arcaelas/dynamite spelling of {@link Mutate}: transforms the value on every write, before
 * validation, and receives the value as last read or written (undefined for a new row).
 * @example `@Set((next: string, current?: string) => next.trim()) declare name: string;`
 */
export function Set(fn: (next: any, current?: any) => unknown): PropertyDecorator {
  return Mutate(fn);
}

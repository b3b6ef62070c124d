/**
 * A copy of `base` with `fields` set: `{ ...base, ...fields }`. Hot paths use this instead of an
 * object literal with a spread followed by properties (`{ ...base, limit: 1 }`): V8 before 12
 * (Node 20/22) builds such a literal on a slow runtime path, about 1–3 µs a call against 0.1 µs for
 * two spreads (measured, Node 20.20; Node 24 builds both fast).
 */
export function withFields<T extends object, F extends object>(base: T, fields: F): Omit<T, keyof F> & F {
  return { ...base, ...fields };
}

import type { PagedReadInput } from "./read-input.js";

/**
 * How many items a filtered Query/Scan reads per item it keeps, learned from earlier reads with the
 * same filter (same table/index, expression and values), so that the next read asks for the page
 * that should hold what is missing in one round trip.
 *
 * The density is kept as a whole number of items read per match: rounding gives the page size a
 * dead band, so sampling noise (24 matches in one page, 26 in the next) cannot make it creep up one
 * item a read. A page that comes up short costs one more, smaller request, sized the same way.
 */
export class FilterDensity {
  /** Remembered filters per table/index; the oldest is forgotten past this many. */
  static readonly MAX_FILTERS = 256;
  /** Filters whose values take more than this (long `in` lists) are keyed by their expression only. */
  static readonly MAX_KEY_LENGTH = 1_024;

  private readonly perFilter = new Map<string, number>();

  /** The items per match learned for this read, if any. */
  itemsPerMatch(key: string): number | undefined {
    return this.perFilter.get(key);
  }

  /** Records what a read saw: `scanned` items read by DynamoDB for `matched` items kept. */
  learn(key: string, scanned: number, matched: number): void {
    if (scanned <= 0) return;
    // no match at all: as sparse as one in everything read, a bound the next read starts from
    const perMatch = Math.max(1, Math.round(scanned / Math.max(matched, 1)));
    this.perFilter.delete(key); // re-inserted last: the Map's order is the age order
    this.perFilter.set(key, perMatch);
    if (this.perFilter.size > FilterDensity.MAX_FILTERS) this.perFilter.delete(this.perFilter.keys().next().value!);
  }

  /** The key of a read: its table/index, filter expression and values (names are part of the expression's shape). */
  static keyOf(input: PagedReadInput): string {
    const values = JSON.stringify(input.ExpressionAttributeValues ?? {}, jsonSafe);
    const where = `${input.TableName}\u0000${input.IndexName ?? ""}\u0000${input.KeyConditionExpression ?? ""}\u0000${input.FilterExpression ?? ""}`;
    return values.length > FilterDensity.MAX_KEY_LENGTH ? where : `${where}\u0000${values}`;
  }
}

/** Sets, binaries and bigints have no JSON form of their own. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Set) return [...value];
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

const densities = new WeakMap<object, FilterDensity>();

/** The filter densities of one model (each model learns its own). */
export function densityOf(model: object): FilterDensity {
  let density = densities.get(model);
  if (!density) densities.set(model, (density = new FilterDensity()));
  return density;
}

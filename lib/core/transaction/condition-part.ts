import type { WriteParams } from "../engine/write-action.js";

/** A rendered condition with only the placeholders it uses, so it can be moved into another action. */
export interface ConditionPart {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

const PLACEHOLDER = /[#:][A-Za-z0-9_]+/g;

/** The ConditionExpression of `params` with its own placeholders, or undefined when it has none. */
export function conditionOf(params: WriteParams): ConditionPart | undefined {
  const expression = params.ConditionExpression;
  if (!expression) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const token of expression.match(PLACEHOLDER) ?? []) {
    if (token.startsWith("#") && params.ExpressionAttributeNames?.[token] !== undefined) {
      names[token] = params.ExpressionAttributeNames[token];
    } else if (token.startsWith(":") && params.ExpressionAttributeValues && token in params.ExpressionAttributeValues) {
      values[token] = params.ExpressionAttributeValues[token];
    }
  }
  return { expression, names, values };
}

/** Prefixes every placeholder of a part (`#n0` → `#c1_n0`), so that it cannot collide with the target's. */
function renamed(part: ConditionPart, prefix: string): ConditionPart {
  const rename = (token: string) => `${token[0]}${prefix}${token.slice(1)}`;
  return {
    expression: part.expression.replace(PLACEHOLDER, rename),
    names: Object.fromEntries(Object.entries(part.names).map(([k, v]) => [rename(k), v])),
    values: Object.fromEntries(Object.entries(part.values).map(([k, v]) => [rename(k), v])),
  };
}

function freePrefix(params: WriteParams, start: number): { prefix: string; next: number } {
  const used = [...Object.keys(params.ExpressionAttributeNames ?? {}), ...Object.keys(params.ExpressionAttributeValues ?? {})];
  for (let i = start; ; i++) {
    const prefix = `c${i}_`;
    if (!used.some((key) => key.slice(1).startsWith(prefix))) return { prefix, next: i + 1 };
  }
}

/** `params` with each part AND-ed into its ConditionExpression (placeholders renamed apart). */
export function withConditions(params: WriteParams, parts: ConditionPart[]): WriteParams {
  if (!parts.length) return params;
  const expressions = params.ConditionExpression ? [params.ConditionExpression] : [];
  const names = { ...params.ExpressionAttributeNames };
  const values = { ...params.ExpressionAttributeValues };
  let next = 0;
  for (const part of parts) {
    const collides = [...Object.keys(part.names), ...Object.keys(part.values)].some((key) => key in names || key in values);
    let moved = part;
    if (collides) {
      const free = freePrefix({ ExpressionAttributeNames: names, ExpressionAttributeValues: values } as WriteParams, next);
      next = free.next;
      moved = renamed(part, free.prefix);
    }
    expressions.push(moved.expression);
    Object.assign(names, moved.names);
    Object.assign(values, moved.values);
  }
  const result: WriteParams = {
    ...params,
    ConditionExpression: expressions.length === 1 ? expressions[0] : expressions.map((e) => `(${e})`).join(" AND "),
  };
  if (Object.keys(names).length) result.ExpressionAttributeNames = names;
  if (Object.keys(values).length) result.ExpressionAttributeValues = values;
  return result;
}

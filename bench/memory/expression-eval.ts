import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { parseUpdate, type Cond, type Operand, type PathPart, type UpdateExpr } from "./expression-parser.js";

export type Item = Record<string, AttributeValue>;
type Values = Record<string, AttributeValue>;

/** The value at `path` in `item`, or undefined. */
export function resolvePath(item: Item, path: PathPart[]): AttributeValue | undefined {
  let current: AttributeValue | undefined = item[path[0] as string];
  for (let i = 1; i < path.length && current; i++) {
    const part = path[i];
    current = typeof part === "number" ? current.L?.[part] : current.M?.[part];
  }
  return current;
}

function operandValue(item: Item, operand: Operand, values: Values): AttributeValue | undefined {
  switch (operand.kind) {
    case "path":
      return resolvePath(item, operand.path);
    case "value": {
      const value = values[operand.name];
      if (!value) throw new Error(`Undefined attribute value placeholder ${operand.name}`);
      return value;
    }
    case "call":
      return callValue(item, operand, values);
    case "arith": {
      const left = Number(operandValue(item, operand.left, values)?.N);
      const right = Number(operandValue(item, operand.right, values)?.N);
      return { N: String(operand.op === "+" ? left + right : left - right) };
    }
  }
}

function callValue(item: Item, call: { fn: string; args: Operand[] }, values: Values): AttributeValue | undefined {
  const [first, second] = call.args;
  if (call.fn === "size") {
    const value = operandValue(item, first, values);
    if (!value) return undefined;
    const size = value.S?.length ?? value.B?.length ?? value.L?.length ?? (value.M ? Object.keys(value.M).length : undefined);
    return size === undefined ? undefined : { N: String(size) };
  }
  if (call.fn === "if_not_exists") return operandValue(item, first, values) ?? operandValue(item, second, values);
  if (call.fn === "list_append") {
    const a = operandValue(item, first, values)?.L ?? [];
    const b = operandValue(item, second, values)?.L ?? [];
    return { L: [...a, ...b] };
  }
  throw new Error(`Unsupported function ${call.fn}`);
}

function typeOf(value: AttributeValue): string {
  return Object.keys(value).find((key) => (value as unknown as Record<string, unknown>)[key] !== undefined)!;
}

/** Orders two scalar values of the same type; undefined when they are not comparable. */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  if (a.N !== undefined && b.N !== undefined) return Number(a.N) - Number(b.N);
  if (a.S !== undefined && b.S !== undefined) return a.S < b.S ? -1 : a.S > b.S ? 1 : 0;
  if (a.B !== undefined && b.B !== undefined) return Buffer.compare(Buffer.from(a.B), Buffer.from(b.B));
  return undefined;
}

/** Deep equality of two AttributeValues. */
export function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (!a || !b) return false;
  const scalar = compareValues(a, b);
  if (scalar !== undefined) return scalar === 0;
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(op: string, a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (op === "=") return sameValue(a, b);
  if (op === "<>") return !sameValue(a, b);
  if (!a || !b) return false;
  const order = compareValues(a, b);
  if (order === undefined) return false;
  return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
}

function evalFunction(item: Item, fn: string, args: Operand[], values: Values): boolean {
  const subject = operandValue(item, args[0], values);
  const arg = args[1] && operandValue(item, args[1], values);
  switch (fn) {
    case "attribute_exists":
      return subject !== undefined;
    case "attribute_not_exists":
      return subject === undefined;
    case "attribute_type":
      return subject !== undefined && typeOf(subject) === arg?.S;
    case "begins_with":
      return subject?.S !== undefined && arg?.S !== undefined && subject.S.startsWith(arg.S);
    case "contains":
      if (!subject || !arg) return false;
      if (subject.S !== undefined) return arg.S !== undefined && subject.S.includes(arg.S);
      if (subject.SS) return arg.S !== undefined && subject.SS.includes(arg.S);
      if (subject.NS) return arg.N !== undefined && subject.NS.includes(arg.N);
      if (subject.L) return subject.L.some((entry) => sameValue(entry, arg));
      return false;
    default:
      throw new Error(`Unsupported function ${fn}`);
  }
}

/** Whether `item` (possibly absent: an empty item) satisfies the parsed condition. */
export function evaluate(item: Item, cond: Cond, values: Values): boolean {
  switch (cond.kind) {
    case "and":
      return evaluate(item, cond.left, values) && evaluate(item, cond.right, values);
    case "or":
      return evaluate(item, cond.left, values) || evaluate(item, cond.right, values);
    case "not":
      return !evaluate(item, cond.inner, values);
    case "cmp":
      return compare(cond.op, operandValue(item, cond.left, values), operandValue(item, cond.right, values));
    case "between": {
      const subject = operandValue(item, cond.subject, values);
      return (
        compare(">=", subject, operandValue(item, cond.low, values)) &&
        compare("<=", subject, operandValue(item, cond.high, values))
      );
    }
    case "in": {
      const subject = operandValue(item, cond.subject, values);
      return cond.list.some((entry) => sameValue(subject, operandValue(item, entry, values)));
    }
    case "fn":
      return evalFunction(item, cond.fn, cond.args, values);
  }
}

function setPath(item: Item, path: PathPart[], value: AttributeValue | undefined): void {
  if (path.length === 1) {
    if (value === undefined) delete item[path[0] as string];
    else item[path[0] as string] = value;
    return;
  }
  const parent = resolvePath(item, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent) throw new Error("The document path provided in the update expression is invalid for update");
  if (typeof last === "number" && parent.L) {
    if (value === undefined) parent.L.splice(last, 1);
    else parent.L[last] = value;
  } else if (parent.M) {
    if (value === undefined) delete parent.M[last as string];
    else parent.M[last as string] = value;
  }
}

function addTo(current: AttributeValue | undefined, value: AttributeValue): AttributeValue {
  if (value.N !== undefined) return { N: String(Number(current?.N ?? 0) + Number(value.N)) };
  if (value.SS) return { SS: [...new Set([...(current?.SS ?? []), ...value.SS])] };
  if (value.NS) return { NS: [...new Set([...(current?.NS ?? []), ...value.NS])] };
  throw new Error("ADD takes a number or a set");
}

/** Applies an UpdateExpression to a copy of `item` and returns the copy. */
export function applyUpdate(item: Item, text: string, names: Record<string, string>, values: Values): Item {
  const update: UpdateExpr = parseUpdate(text, names);
  const result: Item = structuredClone(item);
  const computed = update.set.map((action) => operandValue(item, action.value, values));
  update.set.forEach((action, i) => setPath(result, action.path, computed[i]));
  for (const path of update.remove) setPath(result, path, undefined);
  for (const { path, value } of update.add)
    setPath(result, path, addTo(resolvePath(result, path), operandValue(item, value, values)!));
  for (const { path, value } of update.del) {
    const current = resolvePath(result, path);
    const drop = operandValue(item, value, values);
    if (current?.SS && drop?.SS) setPath(result, path, { SS: current.SS.filter((entry) => !drop.SS!.includes(entry)) });
  }
  return result;
}

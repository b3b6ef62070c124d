import { ValidationError } from "../../../lib/core/index.js";
import { Account, Invoice, Profile, Sample } from "../fixtures.js";
import type { BadInputCase } from "./bad-input-case.js";

const forged = (payload: object) =>
  Buffer.from(JSON.stringify({ p: JSON.stringify(payload), h: "AAAAAAAAAAAAAAAA" })).toString("base64url");

/** Bad filters, options, includes and cursors: each a ValidationError before any request. */
export const READ_CASES: BadInputCase[] = [
  {
    input: "where: unknown operator `{ balance: { gte: 1 } }`",
    error: ValidationError,
    message: 'unknown operator "gte"',
    run: () => Account.where({ balance: { gte: 1 } }),
  },
  {
    input: 'where: operator typo `{ balance: { ">==": 1 } }`',
    error: ValidationError,
    message: 'unknown operator ">=="',
    run: () => Account.where({ balance: { ">==": 1 } }),
  },
  {
    input: "where(field, op, value) with an unknown op",
    error: ValidationError,
    message: 'unknown operator "LIKE"',
    run: () => Account.where("name", "LIKE" as never, "a%"),
  },
  {
    input: "where: empty `in` (`{ id: [] }`)",
    error: ValidationError,
    message: '"in" needs a non-empty array',
    run: () => Account.where({ id: [] }),
  },
  {
    input: "where: empty `not-in`",
    error: ValidationError,
    message: '"not-in" needs a non-empty array',
    run: () => Account.where({ id: { "not-in": [] } }),
  },
  {
    input: "where: `between` with one bound",
    error: ValidationError,
    message: '"between" needs [low, high]',
    run: () => Account.where({ balance: { between: [1] } }),
  },
  {
    input: "where: `between` with reversed bounds `[9, 1]`",
    error: ValidationError,
    message: '"between" needs low <= high',
    run: () => Account.where({ balance: { between: [9, 1] } }),
  },
  {
    input: "where: undefined value",
    error: ValidationError,
    message: "is undefined; use null",
    run: () => Account.where({ name: undefined }),
  },
  {
    input: "where: NaN value",
    error: ValidationError,
    message: "NaN is not a comparable number",
    run: () => Account.where({ balance: Number.NaN }),
  },
  {
    input: "where: number beyond ±2^53",
    error: ValidationError,
    message: "cannot hold exactly",
    run: () => Account.where({ balance: { ">": 2 ** 60 } }),
  },
  {
    input: "where: function value",
    error: ValidationError,
    message: "a function cannot be stored",
    run: () => Account.where({ name: () => "x" }),
  },
  {
    input: "where: a relation as a filter",
    error: ValidationError,
    message: "is a relation",
    run: () => Account.where({ invoices: "x" }),
  },
  {
    input: "where: filters not an object (an array)",
    error: ValidationError,
    message: "filters must be an object",
    run: () => Account.where(["id"] as never),
  },
  {
    input: "where on a strict model: undeclared attribute",
    error: ValidationError,
    message: "is not an attribute of Profile (strict model)",
    run: () => Profile.where({ isAdmin: true } as never),
  },
  {
    input: "read option typo `{ limt: 1 }`",
    error: ValidationError,
    message: "is not a read option",
    run: () => Account.where({}, { limt: 1 } as never),
  },
  {
    input: "negative limit",
    error: ValidationError,
    message: "limit must be a non-negative integer",
    run: () => Account.where({}, { limit: -1 }),
  },
  {
    input: "fractional skip",
    error: ValidationError,
    message: "skip must be a non-negative integer",
    run: () => Account.where({}, { skip: 1.5 }),
  },
  {
    input: 'order `"UP"`',
    error: ValidationError,
    message: 'order must be "ASC" or "DESC"',
    run: () => Account.where({}, { order: "UP" as never }),
  },
  {
    input: "attributes: empty list",
    error: ValidationError,
    message: "non-empty array of attribute names",
    run: () => Account.where({}, { attributes: [] }),
  },
  {
    input: "attributes: a relation name",
    error: ValidationError,
    message: "is a relation, not an attribute",
    run: () => Account.where({}, { attributes: ["invoices"] }),
  },
  {
    input: "attributes on a strict model: undeclared name",
    error: ValidationError,
    message: "is not an attribute of Profile (strict model)",
    run: () => Profile.where({}, { attributes: ["password"] }),
  },
  {
    input: "include: unknown relation",
    error: ValidationError,
    message: "is not a relation of Account",
    run: () => Account.where({}, { include: ["payments"] }),
  },
  {
    input: "include: unknown include option",
    error: ValidationError,
    message: "is not an include option",
    run: () => Account.where({}, { include: { invoices: { filter: {} } as never } }),
  },
  {
    input: "consistentRead on a GSI Query",
    error: ValidationError,
    message: "cannot be read consistently",
    run: () => Invoice.where({ account_id: "a1" }, { consistentRead: true }),
  },
  {
    input: "paginate without a limit",
    error: ValidationError,
    message: "positive integer limit",
    run: () => Account.paginate({}, {} as never),
  },
  {
    input: "paginate: tampered cursor (checksum)",
    error: ValidationError,
    message: "was altered",
    run: () =>
      Account.paginate({}, { limit: 5, cursor: forged({ m: "Account", t: "accounts", i: null, o: "ASC", k: { id: "z" } }) }),
  },
  {
    input: "paginate: cursor that is not base64url",
    error: ValidationError,
    message: "is not a cursor string",
    run: () => Account.paginate({}, { limit: 5, cursor: '{"k":1}' }),
  },
  {
    input: "paginate: cursor that is not a string",
    error: ValidationError,
    message: "is not a cursor string",
    run: () => Account.paginate({}, { limit: 5, cursor: 42 as never }),
  },
  {
    input: "findMany: a key of the wrong type",
    error: ValidationError,
    message: "is a number key but got string",
    run: () => Sample.findMany([{ series: "s", seq: "1" as never }]),
  },
];

import { ValidationError } from "../../../lib/core/index.js";
import { Account, Invoice, Note, Sample } from "../fixtures.js";
import { text, type BadInputCase } from "./bad-input-case.js";

const email = "a@example.com";
const many = (count: number, value: (i: number) => unknown) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`attribute${i}`, value(i)]));

/** DynamoDB's limits and operand rules (lib/core/support/dynamo-limits.ts, applied by lib/core/item/limit-checks.ts): each a ValidationError before any request. */
export const LIMIT_CASES: BadInputCase[] = [
  {
    input: "create: sort key over 1024 bytes",
    error: ValidationError,
    message: "1024-byte sort key limit",
    run: () => Note.create({ owner: "o", slug: text(1025) }),
  },
  {
    input: 'create: empty GSI key value `{ account_id: "" }`',
    error: ValidationError,
    message: "is an index key and must not be an empty string (index GSI1_account_id)",
    run: () => Invoice.create({ id: "i1", account_id: "", total: 1 }),
  },
  {
    input: "create: GSI key over 2048 bytes",
    error: ValidationError,
    message: "2048-byte partition key limit",
    run: () => Invoice.create({ id: "i1", account_id: text(2049), total: 1 }),
  },
  {
    input: "Model.update: GSI key of the wrong type",
    error: ValidationError,
    message: "Invoice.account_id: is a string key but got number (index GSI1_account_id)",
    run: () => Invoice.update({ account_id: 42 as never }, { id: "i1" }),
  },
  {
    input: "where: a number for a string GSI key (Query)",
    error: ValidationError,
    message: "Invoice.account_id: is a string key but got number",
    run: () => Invoice.where({ account_id: 42 }),
  },
  {
    input: "where: a string for a number sort key (Query)",
    error: ValidationError,
    message: "Sample.seq: is a number key but got string",
    run: () => Sample.where({ series: "s", seq: { ">": "1" } }),
  },
  {
    input: "first: a number for a string primary key (GetItem)",
    error: ValidationError,
    message: "Account.id: is a string key but got number",
    run: () => Account.first({ id: 42 }),
  },
  {
    input: "where: `begins-with` on a number key",
    error: ValidationError,
    message: '"begins-with" does not apply to seq, a number key',
    run: () => Sample.where({ series: "s", seq: { "begins-with": "1" } }),
  },
  {
    input: "where: `begins-with` with a number operand",
    error: ValidationError,
    message: '"begins-with" needs a string or binary prefix, not number',
    run: () => Account.where({ balance: { "begins-with": 1 } }),
  },
  {
    input: 'where: `between` with mixed types `[1, "9"]`',
    error: ValidationError,
    message: '"between" needs two bounds of one type, got number and string',
    run: () => Account.where({ balance: { between: [1, "9"] } }),
  },
  {
    input: "where: `<` on a map",
    error: ValidationError,
    message: '"<" compares strings, numbers or binaries, not a map',
    run: () => Account.where({ name: { "<": { a: 1 } } }),
  },
  {
    input: "where: `>=` with a boolean",
    error: ValidationError,
    message: '">=" compares strings, numbers or binaries, not boolean',
    run: () => Account.where({ balance: { ">=": true } }),
  },
  {
    input: "where: `<` with null",
    error: ValidationError,
    message: '"<" cannot compare with null',
    run: () => Account.where({ balance: { "<": null } }),
  },
  {
    input: 'where: undefined operand `{ balance: { ">": undefined } }`',
    error: ValidationError,
    message: 'the operand of ">" is undefined',
    run: () => Account.where({ balance: { ">": undefined } }),
  },
  {
    input: "where: undefined inside an `in` list",
    error: ValidationError,
    message: '"in" operand [1] is undefined',
    run: () => Account.where({ name: ["a", undefined] }),
  },
  {
    input: "where: null inside a `not-in` list",
    error: ValidationError,
    message: '"not-in" operand [0] is null',
    run: () => Account.where({ name: { "not-in": [null, "a"] } }),
  },
  {
    input: 'where: empty attribute name `{ "": 1 }`',
    error: ValidationError,
    message: "an attribute name must not be empty",
    run: () => Account.where({ "": 1 }),
  },
  {
    input: 'where: a Mongo-style spelling that is no alias `{ name: { $regex: "^a" } }`',
    error: ValidationError,
    message: 'unknown operator "$regex"; this Mongo-style spelling is not supported, write begins-with or contains',
    run: () => Account.where({ name: { $regex: "^a" } }),
  },
  {
    input: "where: a `$`-prefixed key inside a map operand",
    error: ValidationError,
    message: 'unknown operator "$ref"',
    run: () => Account.where({ name: { $ref: "x" } }),
  },
  {
    input: "where: 200 filters (FilterExpression over 300 operators)",
    error: ValidationError,
    message: "DynamoDB allows 300 in one expression",
    run: () => Account.where(many(200, (i) => i)),
  },
  {
    input: "Model.update({}, key): empty patch",
    error: ValidationError,
    message: "update({}, filters) changes nothing",
    run: () => Account.update({}, { id: "a1" }),
  },
  {
    input: "Model.update: a patch of 400 attributes (UpdateExpression over 4 KB)",
    error: ValidationError,
    message: "DynamoDB expressions are at most 4096 bytes",
    run: () => Account.update(many(400, (i) => i) as never, { id: "a1" }),
  },
  {
    input: "create: a Map value",
    error: ValidationError,
    message: "Account.name: a Map cannot be stored",
    run: () => Account.create({ id: "a1", email, name: new Map([["a", 1]]) as never }),
  },
  {
    input: "create: a class instance nested in a map (`new URL(…)`)",
    error: ValidationError,
    message: "Account.name.link: a URL instance cannot be stored",
    run: () => Account.create({ id: "a1", email, name: { link: new URL("https://example.com") } as never }),
  },
  {
    input: "create: undefined inside a list",
    error: ValidationError,
    message: "Account.name.tags[1]: undefined inside a list cannot be stored",
    run: () => Account.create({ id: "a1", email, name: { tags: ["a", undefined] } as never }),
  },
  {
    input: "create: a function deep in a list",
    error: ValidationError,
    message: "Account.name[0].f: a function cannot be stored",
    run: () => Account.create({ id: "a1", email, name: [{ f: () => 1 }] as never }),
  },
  {
    input: "create: an invalid Date",
    error: ValidationError,
    message: "an invalid Date cannot be stored",
    run: () => Account.create({ id: "a1", email, name: new Date("nope") as never }),
  },
];

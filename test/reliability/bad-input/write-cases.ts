import { ValidationError } from "../../../lib/core/index.js";
import { markPersisted } from "../../../lib/core/instance/instance-state.js";
import { Account, Profile, Sample } from "../fixtures.js";
import { circular, text, type BadInputCase } from "./bad-input-case.js";

const email = "a@example.com";
const create = (data: Record<string, unknown>) => () => Account.create(data as never);

/** Bad values given to create/createMany/update: each a ValidationError before any request. */
export const WRITE_CASES: BadInputCase[] = [
  {
    input: "create: number for a string key `{ id: 42 }`",
    error: ValidationError,
    message: "is a string key but got number",
    run: create({ id: 42, email }),
  },
  {
    input: 'create: empty-string key `{ id: "" }`',
    error: ValidationError,
    message: "must not be an empty string",
    run: create({ id: "", email }),
  },
  {
    input: "create: missing number sort key `{ series }` (a missing string partition key gets a ULID)",
    error: ValidationError,
    message: "is part of the primary key and is missing",
    run: () => Sample.create({ series: "s" } as never),
  },
  {
    input: "create: null key `{ id: null }`",
    error: ValidationError,
    message: "is part of the primary key and is missing",
    run: create({ id: null, email }),
  },
  {
    input: 'create: string for a number sort key `{ seq: "1" }`',
    error: ValidationError,
    message: "is a number key but got string",
    run: () => Sample.create({ series: "s", seq: "1" as never }),
  },
  {
    input: "create: NaN sort key",
    error: ValidationError,
    message: "NaN is not a storable number",
    run: () => Sample.create({ series: "s", seq: Number.NaN }),
  },
  {
    input: "create: key over 2048 bytes",
    error: ValidationError,
    message: "2048-byte partition key limit",
    run: create({ id: text(2049), email }),
  },
  {
    input: "create: `@NotNull` attribute undefined",
    error: ValidationError,
    message: "must not be null, undefined or empty",
    run: create({ id: "a1" }),
  },
  {
    input: "create: `@NotNull` attribute empty string",
    error: ValidationError,
    message: "must not be null, undefined or empty",
    run: create({ id: "a1", email: "" }),
  },
  {
    input: "create: NaN value",
    error: ValidationError,
    message: "NaN is not a storable number",
    run: create({ id: "a1", email, balance: Number.NaN }),
  },
  {
    input: "create: Infinity value",
    error: ValidationError,
    message: "Infinity is not a storable number",
    run: create({ id: "a1", email, balance: Number.POSITIVE_INFINITY }),
  },
  {
    input: "create: -Infinity nested in a map",
    error: ValidationError,
    message: "-Infinity is not a storable number",
    run: create({ id: "a1", email, name: { n: -Infinity } }),
  },
  {
    input: "create: function value",
    error: ValidationError,
    message: "a function cannot be stored",
    run: create({ id: "a1", email, name: () => 1 }),
  },
  {
    input: "create: symbol value",
    error: ValidationError,
    message: "a symbol cannot be stored",
    run: create({ id: "a1", email, name: Symbol("s") }),
  },
  {
    input: "create: circular object",
    error: ValidationError,
    message: "a circular structure cannot be stored",
    run: create({ id: "a1", email, name: circular() }),
  },
  {
    input: "create: bigint value",
    error: ValidationError,
    message: "use @Serialize",
    run: create({ id: "a1", email, balance: 10n ** 30n }),
  },
  {
    input: "create: number beyond ±2^53 (`1e20`)",
    error: ValidationError,
    message: "cannot hold exactly",
    run: create({ id: "a1", email, balance: 1e20 }),
  },
  {
    input: "create: number below DynamoDB's smallest magnitude (`1e-131`)",
    error: ValidationError,
    message: "outside DynamoDB's number range",
    run: create({ id: "a1", email, balance: 1e-131 }),
  },
  {
    input: "create: empty Set",
    error: ValidationError,
    message: "an empty set cannot be stored",
    run: create({ id: "a1", email, tags: new Set() }),
  },
  {
    input: "create: Set of mixed types",
    error: ValidationError,
    message: "a set must hold only strings, only numbers or only binaries",
    run: create({ id: "a1", email, tags: new Set(["a", 1]) }),
  },
  {
    input: "create: item over 400 KB",
    error: ValidationError,
    message: "400 KB",
    run: create({ id: "a1", email, name: text(410 * 1024) }),
  },
  {
    input: 'create: empty attribute name `{ "": 1 }`',
    error: ValidationError,
    message: "attribute name must not be empty",
    run: create({ id: "a1", email, "": 1 }),
  },
  {
    input: "create: empty attribute name inside a map",
    error: ValidationError,
    message: "attribute name must not be empty",
    run: create({ id: "a1", email, name: { "": 1 } }),
  },
  {
    input: "create on a strict model: undeclared attribute (mass assignment)",
    error: ValidationError,
    message: "is not an attribute of Profile (strict model)",
    run: () => Profile.create({ id: "p1", displayName: "P", isAdmin: true } as never),
  },
  {
    input: "Model.update on a strict model: undeclared attribute",
    error: ValidationError,
    message: "is not an attribute of Profile (strict model)",
    run: () => Profile.update({ role: "admin" } as never, { id: "p1" }),
  },
  {
    input: "Model.update: NaN in the patch",
    error: ValidationError,
    message: "NaN is not a storable number",
    run: () => Account.update({ balance: Number.NaN }, { id: "a1" }),
  },
  {
    input: "instance.save(): changed primary key",
    error: ValidationError,
    message: "cannot change",
    run: () => persistedAccount().update({ id: "other" }),
  },
  {
    input: "instance.increment(): NaN",
    error: ValidationError,
    message: "needs a finite number",
    run: () => persistedAccount().increment("balance", Number.NaN),
  },
  {
    input: "instance.increment(): a key attribute",
    error: ValidationError,
    message: "cannot be incremented",
    run: () => persistedAccount().increment("id"),
  },
  {
    input: "createMany: not an array",
    error: ValidationError,
    message: "needs an array of rows",
    run: () => Account.createMany({ id: "a1" } as never),
  },
  {
    input: "createMany: two rows with the same key",
    error: ValidationError,
    message: "repeats the key",
    run: () =>
      Account.createMany([
        { id: "a1", email },
        { id: "a1", email },
      ]),
  },
  {
    input: "createMany: one bad row among good ones",
    error: ValidationError,
    message: "Account.rows[1].id",
    run: () =>
      Account.createMany([
        { id: "a1", email },
        { id: "", email },
      ]),
  },
];

/** An instance that believes it is stored (no request needed to build it). */
function persistedAccount(): Account {
  const account = new Account({ id: "a1", email, balance: 1 });
  markPersisted(account, { id: "a1", email, balance: 1 });
  return account;
}

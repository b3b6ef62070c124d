import { Attribute, ConfigError, Dynamite, PrimaryKey, Table, ValidationError } from "../../../lib/core/index.js";
import { markPersisted } from "../../../lib/core/instance/instance-state.js";
import { requireModelMetadata } from "../../../lib/core/metadata/registry.js";
import { encodeCursor } from "../../../lib/core/read/cursor.js";
import { readDigest } from "../../../lib/core/read/read-digest.js";
import { Account, Profile } from "../fixtures.js";
import type { BadInputCase } from "./bad-input-case.js";

const email = "a@example.com";

/** A stored row whose key attribute was then reassigned (no request needed to build it). */
function movedAccount(): Account {
  const account = new Account({ id: "a1", email, balance: 1 });
  markPersisted(account, { id: "a1", email, balance: 1 });
  account.id = "a2";
  return account;
}

/** A model registered on its own client, which is not connected. */
class Report extends Table<Report> {
  @PrimaryKey() declare id: string;
}

/** A valid Account cursor, made by a read filtered on `name`. */
function cursorOfAnotherRead(): string {
  const model = requireModelMetadata(Account);
  const digest = readDigest([{ property: "name", op: "=", value: "x" }], "ASC");
  return encodeCursor({ model, order: "ASC", keyColumns: ["id"], digest }, { key: { id: "a1" } });
}

/** Rows, clients, names and cursors: which row a write touches, which client a model uses, what a name may be. */
export const EDGE_CASES: BadInputCase[] = [
  {
    input: "Model.delete(undefined)",
    error: ValidationError,
    message: "Account.delete() needs an object of attribute → value naming the rows, got undefined",
    run: () => Account.delete(undefined as never),
  },
  {
    input: "Model.delete(null)",
    error: ValidationError,
    message: "got null; pass {} to delete every row",
    run: () => Account.delete(null as never),
  },
  {
    input: "Model.delete([key])",
    error: ValidationError,
    message: "got an array",
    run: () => Account.delete([{ id: "a1" }] as never),
  },
  {
    input: "Model.update(patch, undefined)",
    error: ValidationError,
    message: "Account.update() needs an object of attribute → value naming the rows, got undefined",
    run: () => Account.update({ name: "x" }, undefined as never),
  },
  {
    input: "Model.update(patch, a model instance)",
    error: ValidationError,
    message: "got an instance of Account",
    run: () => Account.update({ name: "x" }, new Account({ id: "a1" }) as never),
  },
  {
    input: "Model.update with a key attribute in the patch",
    error: ValidationError,
    message: "is part of the primary key and cannot change",
    run: () => Account.update({ id: "a2" } as never, { id: "a1" }),
  },
  {
    input: "where(null)",
    error: ValidationError,
    message: "filters must be an object of attribute → value, got null",
    run: () => Account.where(null as never),
  },
  {
    input: "where(a model instance)",
    error: ValidationError,
    message: "got an instance of Account",
    run: () => Account.where(new Account({ id: "a1" }) as never),
  },
  {
    input: "instance.destroy() after its key was reassigned",
    error: ValidationError,
    message: "Account.id: is part of the primary key and cannot change",
    run: () => movedAccount().destroy(),
  },
  {
    input: "instance.increment() after its key was reassigned",
    error: ValidationError,
    message: "Account.id: is part of the primary key and cannot change",
    run: () => movedAccount().increment("balance"),
  },
  {
    input: "instance.update({ id }) of a stored row",
    error: ValidationError,
    message: "Account.id: is part of the primary key and cannot change",
    run: () => {
      const account = new Account({ id: "a1", email });
      markPersisted(account, { id: "a1", email });
      return account.update({ id: "a2" });
    },
  },
  {
    input: "a model whose own client was never connected",
    error: ConfigError,
    message: 'Report is registered on the Dynamite client "reports", which was never connected',
    run: () => {
      new Dynamite({ name: "reports", region: "us-east-1", tables: [Report] });
      return Report.create({ id: "r1" });
    },
  },
  {
    input: "a model whose own client was disconnected",
    error: ConfigError,
    message: 'Report is registered on the Dynamite client "reports", which was disconnected',
    run: () => {
      const reports = new Dynamite({ name: "reports", region: "us-east-1", tables: [Report] });
      reports.connect();
      reports.disconnect();
      return Report.where({ id: "r1" });
    },
  },
  {
    input: "an attribute named `save` (model definition)",
    error: ConfigError,
    message: 'the attribute "save" would shadow the instance API',
    run: () => {
      class Shadow extends Table<Shadow> {
        @PrimaryKey() declare id: string;
      }
      Attribute()(Shadow.prototype, "save");
    },
  },
  {
    input: "create: a `save` key in the input",
    error: ValidationError,
    message: "Account.save: is a method or reserved name of every instance",
    run: () => Account.create({ id: "a1", email, save: 1 } as never),
  },
  {
    input: "create on a strict model: `__proto__` key from JSON.parse",
    error: ValidationError,
    message: "Profile.__proto__: is a method or reserved name of every instance",
    run: () => Profile.create(JSON.parse('{"id": "p1", "displayName": "P", "__proto__": {"isAdmin": true}}') as never),
  },
  {
    input: "create: a `constructor` key in the input",
    error: ValidationError,
    message: "Account.constructor: is a method or reserved name of every instance",
    run: () => Account.create(JSON.parse('{"id": "a1", "email": "a@example.com", "constructor": 1}') as never),
  },
  {
    input: "paginate: the cursor of a read with other filters",
    error: ValidationError,
    message: "belongs to a read with other filters",
    run: () => Account.paginate({}, { limit: 5, cursor: cursorOfAnotherRead() }),
  },
  {
    input: "paginate: `skip`",
    error: ValidationError,
    message: "Account.skip: is not a paginate option",
    run: () => Account.paginate({}, { limit: 5, skip: 5 } as never),
  },
];

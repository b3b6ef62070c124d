import {
  BelongsTo,
  ConfigError,
  Dynamite,
  DynamiteError,
  IndexSort,
  Name,
  NotFoundError,
  PrimaryKey,
  Table,
  ValidationError,
  type NonAttribute,
} from "../../../lib/core/index.js";
import { markPersisted } from "../../../lib/core/instance/instance-state.js";
import { Account } from "../fixtures.js";
import { text, type BadInputCase } from "./bad-input-case.js";

class TwoKeys extends Table<TwoKeys> {
  @PrimaryKey() declare a: string;
  @PrimaryKey() declare b: string;
}

class SortOnly extends Table<SortOnly> {
  @IndexSort() declare at: string;
}

class Ghost {}

class Haunted extends Table<Haunted> {
  @PrimaryKey() declare id: string;
  declare ghost_id: string;
  @BelongsTo(() => Ghost as never, "ghost_id") declare ghost: NonAttribute<unknown>;
}

@Name("bad table name!")
class BadTable extends Table<BadTable> {
  @PrimaryKey() declare id: string;
}

class BadColumn extends Table<BadColumn> {
  @PrimaryKey() declare id: string;
  @Name("") declare label: string;
}

const email = "a@example.com";

/** Models set up wrongly and transactions over DynamoDB's limits: typed errors, nothing sent. */
export function configCases(dynamite: Dynamite): BadInputCase[] {
  return [
    {
      input: "model with two partition keys",
      error: ConfigError,
      message: "declares two partition keys",
      run: () => TwoKeys.where({ a: "x" }),
    },
    {
      input: "model with a sort key but no partition key",
      error: ConfigError,
      message: "not registered in wrapper",
      run: () => SortOnly.create({ at: "x" }),
    },
    {
      input: "relation to an unregistered model (include)",
      error: ConfigError,
      message: "Relation Haunted.ghost points at a class that is not a usable model",
      run: () => Haunted.where({ id: "h1" }, { include: ["ghost"] }),
    },
    {
      input: 'invalid table name `@Name("bad table name!")`',
      error: ConfigError,
      message: "not a valid DynamoDB table name",
      run: () => BadTable.create({ id: "b1" }),
    },
    {
      input: 'empty stored attribute name `@Name("")`',
      error: ConfigError,
      message: "stored attribute name",
      run: () => BadColumn.create({ id: "b1", label: "x" }),
    },
    {
      input: "`new Dynamite({})` without tables",
      error: ConfigError,
      message: "needs config.tables",
      run: () => new Dynamite({} as never),
    },
    {
      input: "`tables` holding something that is not a class",
      error: ConfigError,
      message: "is not a model class",
      run: () => new Dynamite({ tables: ["users" as never] }),
    },
    {
      input: "restore() on a model without `@DeleteAt`",
      error: ConfigError,
      message: "cannot be restored",
      run: () => new Account({ id: "a1", email }).restore(),
    },
    {
      input: "check() outside a transaction",
      error: DynamiteError,
      message: "call it inside dynamite.tx",
      run: () => Account.check({ id: "a1" }, { balance: { ">": 0 } }),
    },
    {
      input: "transaction of 101 actions",
      error: ValidationError,
      message: "DynamoDB allows 100",
      run: () =>
        dynamite.tx(async () => {
          for (let i = 0; i <= 100; i++) await Account.create({ id: `t${i}`, email });
        }),
    },
    {
      input: "transaction over 4 MB",
      error: ValidationError,
      message: "DynamoDB allows 4 MB",
      run: () =>
        dynamite.tx(async () => {
          for (let i = 0; i < 12; i++) await Account.create({ id: `big${i}`, email, name: text(380 * 1024) });
        }),
    },
    {
      input: "transaction: delete then update of the same row",
      error: NotFoundError,
      message: "does not exist",
      run: () =>
        dynamite.tx(async () => {
          const row = new Account({ id: "a1", email });
          markStored(row);
          await row.forceDestroy();
          await row.update({ name: "again" });
        }),
    },
  ];
}

function markStored(row: Account): void {
  markPersisted(row, { id: row.id, email: row.email });
}

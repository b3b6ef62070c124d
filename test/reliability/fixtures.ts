import {
  Attribute,
  BelongsTo,
  HasMany,
  IndexSort,
  Model,
  NotNull,
  PrimaryKey,
  Table,
  type NonAttribute,
} from "../../lib/core/index.js";

/** A plain model: string key, a required email and a few loose attributes. */
export class Account extends Table<Account> {
  @PrimaryKey() declare id: string;
  @NotNull() declare email: string;
  declare name?: string;
  declare balance?: number;
  declare tags?: Set<string>;
  @HasMany(() => Invoice, "account_id") declare invoices: NonAttribute<Invoice[]>;
}

/** Child of Account (gets the GSI `GSI1_account_id`). */
export class Invoice extends Table<Invoice> {
  @PrimaryKey() declare id: string;
  declare account_id: string;
  declare total: number;
  @BelongsTo(() => Account, "account_id") declare account: NonAttribute<Account | null>;
}

/** Composite key with a number sort key. */
export class Sample extends Table<Sample> {
  @PrimaryKey() declare series: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare value?: number;
}

/** A strict model: only declared attributes may be written, filtered or projected. */
@Model({ strict: true })
export class Profile extends Table<Profile> {
  @PrimaryKey() declare id: string;
  @Attribute() declare displayName: string;
  @Attribute() declare bio?: string;
}

/** A string sort key (DynamoDB caps sort keys at 1,024 bytes, partition keys at 2,048). */
export class Note extends Table<Note> {
  @PrimaryKey() declare owner: string;
  @IndexSort() declare slug: string;
  declare body?: string;
}

export const CATALOGUE_TABLES = [Account, Invoice, Sample, Profile, Note];

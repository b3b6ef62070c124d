import { randomUUID } from "node:crypto";
import { Default, NotNull, PrimaryKey, Table, Validate, type CreationOptional } from "../../../lib/index.js";

export class User extends Table<User> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  @NotNull() @Validate((v) => String(v).includes("@") || "must be an email address") declare email: string;
  declare name?: string;
}

export class Order extends Table<Order> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  @NotNull() declare user_id: string;
  declare total: number;
}

/** A table only the "analytics" connection knows. */
export class Event extends Table<Event> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  declare type: string;
}

// Compiled by test/types/type-level.spec.ts: every @ts-expect-error must be an error, everything else must compile.
import { CreatedAt, Default, PrimaryKey, Table, type CreationOptional, type NonAttribute } from "../../lib/core/index.js";

class Order extends Table<Order> {
  @PrimaryKey() declare id: string;
  declare user_id: string;
}

class User extends Table<User> {
  @PrimaryKey() @Default(() => "generated") declare id: CreationOptional<string>;
  declare email: string;
  declare nickname?: string;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  declare orders: NonAttribute<Order[]>;
}

export async function typeChecks(): Promise<void> {
  // accepts a missing CreationOptional attribute and a missing optional one
  const user: User = await User.create({ email: "a@b.c" });
  await User.create({ email: "a@b.c", id: "explicit", nickname: "n", createdAt: "2026-01-01" });

  // @ts-expect-error a required attribute (email) is missing
  await User.create({ id: "x" });

  // @ts-expect-error a relation (NonAttribute) is not an input attribute
  await User.create({ email: "a@b.c", orders: [] });

  // @ts-expect-error a wrong type for an attribute
  await User.create({ email: 42 });

  // @ts-expect-error where() takes attribute names only
  await User.where("orders", []);

  // @ts-expect-error increment() takes attribute names only
  await user.increment("nope");

  const rows: User[] = await User.where({ email: "a@b.c" });
  const first: User | undefined = await User.first("email", "begins-with", "a");
  void rows;
  void first;
}

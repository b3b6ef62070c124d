import { randomUUID } from "node:crypto";
import {
  CreatedAt,
  Default,
  DeleteAt,
  HasMany,
  Mutate,
  NotNull,
  PrimaryKey,
  Table,
  UpdatedAt,
  Validate,
  type CreationOptional,
  type NonAttribute,
} from "../nestjs-dynamite.js";
import { Order } from "../orders/order.model.js";

/** A customer. Soft-deletable; `include: ["orders"]` loads their orders through the orders table's GSI. */
export class User extends Table<User> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  @NotNull()
  @Mutate((email: string) => email.trim().toLowerCase())
  @Validate((email) => /^[^@\s]+@[^@\s]+$/.test(String(email)) || "must be an email address")
  declare email: string;
  @NotNull() declare name: string;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  @UpdatedAt() declare updatedAt: CreationOptional<string>;
  @DeleteAt() declare deletedAt?: string;
  @HasMany(() => Order, "user_id") declare orders: NonAttribute<Order[]>;
}

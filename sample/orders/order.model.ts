import { randomUUID } from "node:crypto";
import {
  BelongsTo,
  CreatedAt,
  Default,
  HasMany,
  NotNull,
  PrimaryKey,
  Table,
  type CreationOptional,
  type NonAttribute,
} from "../nestjs-dynamite.js";
import { User } from "../users/user.model.js";
import { OrderItem } from "./order-item.model.js";

/** A placed order. `User.orders` gives this table the GSI `GSI1_user_id`. */
export class Order extends Table<Order> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  @NotNull() declare user_id: string;
  @NotNull() declare total: number;
  @Default("placed") declare status: CreationOptional<string>;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  @BelongsTo(() => User, "user_id") declare user: NonAttribute<User | null>;
  @HasMany(() => OrderItem, "order_id") declare items: NonAttribute<OrderItem[]>;
}

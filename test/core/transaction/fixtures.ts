import {
  CreatedAt,
  Default,
  DeleteAt,
  HasMany,
  IndexSort,
  PrimaryKey,
  Table,
  UpdatedAt,
  type CreationOptional,
  type NonAttribute,
} from "../../../lib/core/index.js";

/** Soft-delete model of the reference examples. */
export class User extends Table<User> {
  @PrimaryKey() @Default(() => crypto.randomUUID()) declare id: CreationOptional<string>;
  declare name: string;
  declare status?: string;
  @Default(0) declare visits: CreationOptional<number>;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  @UpdatedAt() declare updatedAt: CreationOptional<string>;
  @DeleteAt() declare deletedAt?: string;
  @HasMany(() => Order, "user_id") declare orders: NonAttribute<Order[]>;
}

export class Order extends Table<Order> {
  @PrimaryKey() @Default(() => crypto.randomUUID()) declare id: CreationOptional<string>;
  declare user_id: string;
  declare total: number;
}

/** Hard-delete model with a number attribute for conditions and increments. */
export class Product extends Table<Product> {
  @PrimaryKey() declare id: string;
  declare name?: string;
  @Default(0) declare stock: CreationOptional<number>;
}

/** Composite key (partition + sort). */
export class Entry extends Table<Entry> {
  @PrimaryKey() declare ledger: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare amount: number;
}

export const TABLES = [User, Order, Product, Entry];

import { HasMany, IndexSort, PrimaryKey, Table, type NonAttribute } from "../../lib/core/index.js";

/** The bench's models: the tables every contender reads and writes (nestjs-dynamite creates them). */
export class User extends Table<User> {
  @PrimaryKey() declare id: string;
  declare name: string;
  declare email: string;
  declare tier: string;
  declare age: number;
  @HasMany(() => Order, "user_id") declare orders: NonAttribute<Order[]>;
}

export class Order extends Table<Order> {
  @PrimaryKey() declare id: string;
  declare user_id: string;
  declare total: number;
  declare status: string;
}

export class Event extends Table<Event> {
  @PrimaryKey() declare stream: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare kind: string;
  declare payload: string;
}

export const BENCH_MODELS = [User, Order, Event];

import { randomUUID } from "node:crypto";
import {
  CreatedAt,
  Default,
  DeleteAt,
  Model,
  NotNull,
  PrimaryKey,
  Table,
  UpdatedAt,
  Validate,
  type CreationOptional,
} from "../nestjs-dynamite.js";

const wholeNumber = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0) || "must be a whole number >= 0";
const amount = (value: unknown) => (typeof value === "number" && value >= 0) || "must be a number >= 0";

/**
 * Something to sell. `stock` only goes down inside a checkout transaction, guarded by `stock >= quantity`.
 * Its table has a stream: the low-stock watcher reacts to its changes.
 */
@Model({ stream: "NEW_AND_OLD_IMAGES" })
export class Product extends Table<Product> {
  @PrimaryKey() @Default(() => randomUUID()) declare id: CreationOptional<string>;
  @NotNull() declare name: string;
  @NotNull() @Validate(amount) declare price: number;
  @Default(0) @Validate(wholeNumber) declare stock: CreationOptional<number>;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  @UpdatedAt() declare updatedAt: CreationOptional<string>;
  @DeleteAt() declare deletedAt?: string;
}

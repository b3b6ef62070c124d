import { BelongsTo, IndexSort, NotNull, PrimaryKey, Table, type NonAttribute } from "../nestjs-dynamite.js";
import { Product } from "../products/product.model.js";

/**
 * One line of an order. The order id is the partition key, so `Order.items` is a Query on this
 * table (no GSI needed); the product id as sort key makes one line per product.
 */
export class OrderItem extends Table<OrderItem> {
  @PrimaryKey() declare order_id: string;
  @IndexSort() declare product_id: string;
  @NotNull() declare quantity: number;
  @NotNull() declare unit_price: number;
  @BelongsTo(() => Product, "product_id") declare product: NonAttribute<Product | null>;
}

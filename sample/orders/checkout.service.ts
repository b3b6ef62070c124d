import { Injectable } from "@nestjs/common";
import { found } from "../common/not-found.js";
import { DynamiteTransactionHost, InjectTable, NotFoundError, TableRepository, Transactional } from "../nestjs-dynamite.js";
import { Product } from "../products/product.model.js";
import { User } from "../users/user.model.js";
import type { CheckoutDto, CheckoutItemDto } from "./dto/checkout.dto.js";
import { OrderItem } from "./order-item.model.js";
import { Order } from "./order.model.js";
import { OrderPlacedEvent } from "./order-placed.event.js";

/** Two lines of the same product become one (an order item is keyed by order and product). */
function mergeLines(items: CheckoutItemDto[]): CheckoutItemDto[] {
  const quantities = new Map<string, number>();
  for (const { product_id, quantity } of items) quantities.set(product_id, (quantities.get(product_id) ?? 0) + quantity);
  return [...quantities].map(([product_id, quantity]) => ({ product_id, quantity }));
}

/**
 * Places an order in one transaction: every write below is queued and sent as one
 * TransactWriteItems, and the "order placed" event is delivered only after that commit.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectTable(User) private readonly users: TableRepository<User>,
    @InjectTable(Product) private readonly products: TableRepository<Product>,
    @InjectTable(Order) private readonly orders: TableRepository<Order>,
    @InjectTable(OrderItem) private readonly items: TableRepository<OrderItem>,
    private readonly transactions: DynamiteTransactionHost,
  ) {}

  /** Joins the orders controller's transaction (its interceptor); called from anywhere else, it commits its own. */
  @Transactional()
  async checkout(dto: CheckoutDto): Promise<Order> {
    found(await this.users.first({ id: dto.user_id }), "User", dto.user_id);
    const lines = mergeLines(dto.items);
    const products = await this.products.findMany(lines.map((line) => ({ id: line.product_id })));
    const byId = new Map(products.map((product) => [product.id, product]));
    let total = 0;
    for (const { product_id, quantity } of lines) {
      const product = byId.get(product_id);
      if (!product) throw new NotFoundError(`Product ${product_id} not found`, { model: "Product", key: { id: product_id } });
      await this.reserve(product, quantity);
      total += product.price * quantity;
    }
    const order = await this.orders.create({ user_id: dto.user_id, total: Math.round(total * 100) / 100 });
    const unitPrice = (id: string) => byId.get(id)!.price;
    order.items = await this.items.createMany(
      lines.map((line) => ({
        order_id: order.id,
        product_id: line.product_id,
        quantity: line.quantity,
        unit_price: unitPrice(line.product_id),
      })),
    );
    await this.transactions.publish(OrderPlacedEvent.eventName, new OrderPlacedEvent(order.id, order.user_id, order.total));
    return order;
  }

  /**
   * Takes `quantity` units. The stock we read may already be stale, so the guard is DynamoDB's:
   * the check's condition is folded into the decrement (one Update with `stock >= quantity`), and
   * if any product is short when the transaction commits, nothing at all is written (409).
   */
  private async reserve(product: Product, quantity: number): Promise<void> {
    await Product.check({ id: product.id }, { stock: { ">=": quantity }, deletedAt: null });
    await product.decrement("stock", quantity);
  }
}

import { Injectable } from "@nestjs/common";
import { found } from "../common/not-found.js";
import { InjectTable, TableRepository, type Page } from "../nestjs-dynamite.js";
import type { ListOrdersQueryDto } from "./dto/list-orders-query.dto.js";
import { Order } from "./order.model.js";

@Injectable()
export class OrdersService {
  constructor(@InjectTable(Order) private readonly orders: TableRepository<Order>) {}

  list({ user_id, limit = 20, cursor }: ListOrdersQueryDto): Promise<Page<Order>> {
    return this.orders.paginate(user_id ? { user_id } : {}, { limit, cursor });
  }

  /**
   * An order with its buyer and its items, each with its product: one GetItem, then one
   * BatchGetItem for the user, one Query for the items and one BatchGetItem for their products.
   */
  async get(id: string): Promise<Order> {
    const order = await this.orders.first({ id }, { include: { user: true, items: { include: { product: true } } } });
    return found(order, "Order", id);
  }
}

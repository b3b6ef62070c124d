import { BadRequestException, Controller, Injectable, Module, Post, Query, UseInterceptors } from "@nestjs/common";
import { EventsHandler, type IEventHandler } from "@nestjs/cqrs";
import { OnEvent } from "@nestjs/event-emitter";
import {
  currentTransaction,
  DynamiteModule,
  DynamiteTransactionHost,
  DynamiteTransactionInterceptor,
} from "../../../lib/index.js";
import { Order } from "./models.js";

export class OrderPlaced {
  constructor(readonly userId: string) {}
}

/** What each listener saw: the event, whether a transaction was open, and how many commits had happened. */
export const deliveries: Array<{ via: string; userId: string; inTransaction: boolean; commits: number }> = [];
export const commits = { count: 0 };

const seen = (via: string, event: OrderPlaced) =>
  deliveries.push({ via, userId: event.userId, inTransaction: currentTransaction() !== undefined, commits: commits.count });

@Injectable()
export class EmitterListener {
  @OnEvent("order.placed")
  async onPlaced(event: OrderPlaced): Promise<void> {
    seen("event-emitter", event);
    // a write in a listener is its own request, after the commit
    await Order.create({ user_id: `${event.userId}-audit`, total: 0 });
  }
}

@EventsHandler(OrderPlaced)
export class CqrsListener implements IEventHandler<OrderPlaced> {
  handle(event: OrderPlaced): void {
    seen("cqrs", event);
  }
}

@Injectable()
export class PlaceOrder {
  constructor(private readonly host: DynamiteTransactionHost) {}

  async place(userId: string): Promise<void> {
    await Order.create({ id: `order-${userId}`, user_id: userId, total: 10 });
    await this.host.publish("order.placed", new OrderPlaced(userId));
  }
}

@Controller("orders")
@UseInterceptors(DynamiteTransactionInterceptor)
export class PlaceOrderController {
  constructor(
    private readonly orders: PlaceOrder,
    private readonly host: DynamiteTransactionHost,
  ) {}

  @Post()
  async place(@Query("user") user: string, @Query("fail") fail?: string) {
    await this.orders.place(user);
    if (fail === "1") throw new BadRequestException("failed after publishing");
    return { ok: true };
  }

  /** The audit is placed in its own transaction (REQUIRES_NEW), then the request fails. */
  @Post("requires-new")
  async requiresNew(@Query("user") user: string) {
    await this.host.withTransaction(() => this.orders.place(user), { propagation: "REQUIRES_NEW" });
    throw new BadRequestException("outer failed");
  }
}

/** The events feature alone; the test adds EventEmitterModule and/or CqrsModule. */
@Module({
  imports: [DynamiteModule.forFeature([Order])],
  controllers: [PlaceOrderController],
  providers: [PlaceOrder, EmitterListener, CqrsListener],
})
export class PlaceOrderModule {}

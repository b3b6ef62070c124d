import { Injectable } from "@nestjs/common";
import { OnEvent } from "@nestjs/event-emitter";
import { NotificationsStore } from "./notifications.store.js";

/** The payload CheckoutService publishes in its transaction. */
export interface OrderPlaced {
  orderId: string;
  userId: string;
  total: number;
}

/** Receives "order.placed" from the outbox relay: only for committed orders, even across a crash. */
@Injectable()
export class OrderPlacedListener {
  constructor(private readonly notifications: NotificationsStore) {}

  @OnEvent("order.placed", { suppressErrors: false })
  onOrderPlaced(event: OrderPlaced): void {
    this.notifications.add("order-placed", `order ${event.orderId} placed by ${event.userId}: ${event.total}`);
  }
}

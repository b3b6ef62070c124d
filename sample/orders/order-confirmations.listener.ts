import { Injectable } from "@nestjs/common";
import { OnEvent } from "@nestjs/event-emitter";
import { OrderPlacedEvent } from "./order-placed.event.js";

/** A confirmation the shop "sent" (a stand-in for an email). */
export interface Confirmation {
  orderId: string;
  userId: string;
  total: number;
}

/**
 * Sends the order confirmation. It listens to `order.placed`, which Dynamite delivers only after the
 * checkout's transaction commits: a checkout that fails (409, 404) never confirms anything.
 */
@Injectable()
export class OrderConfirmations {
  private readonly sent: Confirmation[] = [];

  @OnEvent(OrderPlacedEvent.eventName)
  confirm(event: OrderPlacedEvent): void {
    this.sent.push({ orderId: event.orderId, userId: event.userId, total: event.total });
  }

  /** Confirmations sent to one user, oldest first. */
  sentTo(userId: string): Confirmation[] {
    return this.sent.filter((confirmation) => confirmation.userId === userId);
  }
}

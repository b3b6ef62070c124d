/** Published by the checkout inside its transaction; listeners hear it only once the order is committed. */
export class OrderPlacedEvent {
  static readonly eventName = "order.placed";

  constructor(
    readonly orderId: string,
    readonly userId: string,
    readonly total: number,
  ) {}
}

import { Module } from "@nestjs/common";
import { DynamiteStreamModule } from "../nestjs-dynamite.js";
import { LowStockWatcher } from "./low-stock.watcher.js";
import { NotificationsController } from "./notifications.controller.js";
import { NotificationsStore } from "./notifications.store.js";
import { OrderPlacedEvent } from "../orders/order-placed.event.js";

/**
 * Change streams in the sample: the products stream feeds the low-stock watcher, and the checkout's
 * "order.placed" event goes through the outbox (one more Put in the checkout's TransactWriteItems),
 * relayed from its stream to `OrderConfirmations`. Polling suits `npm start`; on AWS a Lambda would do it.
 */
@Module({
  imports: [
    DynamiteStreamModule.forRoot({
      poll: { pollInterval: 250, consumer: "sample" },
      outbox: { eventClasses: [OrderPlacedEvent] },
    }),
  ],
  controllers: [NotificationsController],
  providers: [NotificationsStore, LowStockWatcher],
})
export class NotificationsModule {}

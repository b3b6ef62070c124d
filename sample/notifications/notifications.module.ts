import { Module } from "@nestjs/common";
import { EventEmitterModule } from "@nestjs/event-emitter";
import { DynamiteStreamModule } from "../nestjs-dynamite.js";
import { LowStockWatcher } from "./low-stock.watcher.js";
import { NotificationsController } from "./notifications.controller.js";
import { NotificationsStore } from "./notifications.store.js";
import { OrderPlacedListener } from "./order-placed.listener.js";

/**
 * Change streams in the sample: the products stream feeds the low-stock watcher, and the checkout's
 * "order.placed" event goes through the outbox. Polling suits `npm start`; on AWS a Lambda would do it.
 */
@Module({
  imports: [EventEmitterModule.forRoot(), DynamiteStreamModule.forRoot({ poll: { pollInterval: 250, consumer: "sample" }, outbox: true })],
  controllers: [NotificationsController],
  providers: [NotificationsStore, LowStockWatcher, OrderPlacedListener],
})
export class NotificationsModule {}

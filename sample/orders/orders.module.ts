import { Module } from "@nestjs/common";
import { DynamiteModule } from "../nestjs-dynamite.js";
import { Product } from "../products/product.model.js";
import { User } from "../users/user.model.js";
import { CheckoutService } from "./checkout.service.js";
import { OrderConfirmations } from "./order-confirmations.listener.js";
import { OrderItem } from "./order-item.model.js";
import { Order } from "./order.model.js";
import { OrdersController } from "./orders.controller.js";
import { OrdersService } from "./orders.service.js";

@Module({
  imports: [DynamiteModule.forFeature([Order, OrderItem, User, Product])],
  controllers: [OrdersController],
  providers: [CheckoutService, OrdersService, OrderConfirmations],
})
export class OrdersModule {}

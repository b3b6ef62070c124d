import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from "@nestjs/common";
import { DynamiteTransactionInterceptor } from "../nestjs-dynamite.js";
import { CheckoutService } from "./checkout.service.js";
import { CheckoutDto } from "./dto/checkout.dto.js";
import { ListOrdersQueryDto } from "./dto/list-orders-query.dto.js";
import { OrderConfirmations } from "./order-confirmations.listener.js";
import { OrdersService } from "./orders.service.js";

/** Every handler runs in a transaction (reads too: a transaction with no write sends nothing). */
@Controller("orders")
@UseInterceptors(DynamiteTransactionInterceptor)
export class OrdersController {
  constructor(
    private readonly checkoutService: CheckoutService,
    private readonly orders: OrdersService,
    private readonly confirmations: OrderConfirmations,
  ) {}

  /** Checkout: the order, its items and every stock decrement commit together, or not at all (409). */
  @Post()
  checkout(@Body() dto: CheckoutDto) {
    return this.checkoutService.checkout(dto);
  }

  @Get()
  list(@Query() query: ListOrdersQueryDto) {
    return this.orders.list(query);
  }

  /** The order confirmations sent to a user (after each committed checkout). */
  @Get("confirmations")
  confirmationsOf(@Query("user_id") userId = "") {
    return this.confirmations.sentTo(userId);
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.orders.get(id);
  }
}

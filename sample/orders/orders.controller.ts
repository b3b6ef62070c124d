import { Body, Controller, Get, Param, Post, Query } from "@nestjs/common";
import { Transactional } from "../nestjs-dynamite.js";
import { CheckoutService } from "./checkout.service.js";
import { CheckoutDto } from "./dto/checkout.dto.js";
import { ListOrdersQueryDto } from "./dto/list-orders-query.dto.js";
import { OrdersService } from "./orders.service.js";

@Controller("orders")
export class OrdersController {
  constructor(
    private readonly checkoutService: CheckoutService,
    private readonly orders: OrdersService,
  ) {}

  /** Checkout: the order, its items and every stock decrement commit together, or not at all (409). */
  @Post()
  @Transactional()
  checkout(@Body() dto: CheckoutDto) {
    return this.checkoutService.checkout(dto);
  }

  @Get()
  list(@Query() query: ListOrdersQueryDto) {
    return this.orders.list(query);
  }

  @Get(":id")
  get(@Param("id") id: string) {
    return this.orders.get(id);
  }
}

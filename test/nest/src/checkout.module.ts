import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Injectable,
  Module,
  Post,
  Query,
  UseGuards,
  type CanActivate,
} from "@nestjs/common";
import { defer, from, mergeMap, of, throwError, type Observable } from "rxjs";
import { currentTransaction, DynamiteModule, InjectTable, TableRepository, Transactional } from "../../../lib/index.js";
import { Order, User } from "./models.js";

const failIfAsked = (fail?: string) => {
  if (fail === "1") throw new BadRequestException("checkout failed on purpose");
};

/** Writes through a repository, a static call and an instance method. */
@Injectable()
export class CheckoutService {
  constructor(@InjectTable(User) private readonly users: TableRepository<User>) {}

  async userWithTwoOrders(email: string): Promise<User> {
    const user = await this.users.create({ email });
    await Order.create({ user_id: user.id, total: 10 });
    await new Order({ user_id: user.id, total: 20 }).save();
    return user;
  }

  /** A transactional provider method: alone it commits by itself, inside a request it joins. */
  @Transactional()
  async orderPair(userId: string, fail?: string): Promise<void> {
    await Order.create({ user_id: userId, total: 1 });
    await Order.create({ user_id: userId, total: 2 });
    failIfAsked(fail);
  }
}

/** Records where the guard ran: outside any transaction, as Nest orders guards before the handler. */
@Injectable()
export class ProbeGuard implements CanActivate {
  static sawTransaction?: boolean;
  canActivate(): boolean {
    ProbeGuard.sawTransaction = currentTransaction() !== undefined;
    return true;
  }
}

@Controller("checkout")
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  @Post()
  @Transactional()
  async promise(@Body() body: { email: string }, @Query("fail") fail?: string): Promise<{ id: string }> {
    const user = await this.checkout.userWithTwoOrders(body.email);
    failIfAsked(fail);
    return { id: user.id };
  }

  @Post("observable")
  @Transactional()
  observable(@Body() body: { email: string }, @Query("fail") fail?: string): Observable<{ id: string }> {
    return defer(() => from(this.checkout.userWithTwoOrders(body.email))).pipe(
      mergeMap((user) => (fail === "1" ? throwError(() => new BadRequestException("observable failed")) : of({ id: user.id }))),
    );
  }

  @Post("nested")
  @Transactional()
  async nested(@Body() body: { email: string }, @Query("fail") fail?: string): Promise<{ id: string }> {
    const user = await this.checkout.userWithTwoOrders(body.email);
    await this.checkout.orderPair(user.id, fail);
    return { id: user.id };
  }

  @Get("value")
  @Transactional()
  value(): { ok: boolean; inTransaction: boolean } {
    // synchronous: queues a raw Put in the ambient transaction (if any) and returns a plain value
    const tx = currentTransaction();
    tx?.addPut("orders", { id: "plain-value", user_id: "plain", total: 1 });
    return { ok: true, inTransaction: tx !== undefined };
  }

  @Get("probe")
  @UseGuards(ProbeGuard)
  @Transactional()
  async probe() {
    return { guard: ProbeGuard.sawTransaction, handler: currentTransaction() !== undefined };
  }
}

/** Every method of the class is transactional. */
@Controller("orders")
@Transactional()
export class OrdersController {
  @Post()
  async two(@Body() body: { user_id: string }, @Query("fail") fail?: string) {
    await Order.create({ user_id: body.user_id, total: 1 });
    await Order.create({ user_id: body.user_id, total: 2 });
    failIfAsked(fail);
    return { ok: true };
  }
}

@Module({
  imports: [DynamiteModule.forFeature([User, Order])],
  controllers: [CheckoutController, OrdersController],
  providers: [CheckoutService, ProbeGuard],
})
export class CheckoutModule {}

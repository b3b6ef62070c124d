import {
  BadRequestException,
  Controller,
  Injectable,
  Module,
  Post,
  Query,
  Sse,
  UseInterceptors,
  type MessageEvent,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from "@nestjs/common";
import { APP_INTERCEPTOR } from "@nestjs/core";
import { concatMap, defer, Observable, of, throwError } from "rxjs";
import {
  DynamiteModule,
  DynamiteTransactionInterceptor,
  getTransactionInterceptorToken,
  Transactional,
} from "../../../lib/index.js";
import { Event, Order } from "./models.js";

const failIfAsked = (fail?: string) => {
  if (fail === "1") throw new BadRequestException("failed on purpose");
};

async function twoOrders(userId: string, fail?: string): Promise<{ ok: true }> {
  await Order.create({ user_id: userId, total: 1 });
  await Order.create({ user_id: userId, total: 2 });
  failIfAsked(fail);
  return { ok: true };
}

/** Three values, each written as it is emitted; `fail` errors after the third. */
function threeWrites(userId: string, fail?: string): Observable<number> {
  return of(1, 2, 3).pipe(
    concatMap(async (n) => {
      await Order.create({ user_id: userId, total: n });
      return n;
    }),
    concatMap((n) => (fail === "1" && n === 3 ? throwError(() => new BadRequestException("stream failed")) : of(n))),
  );
}

/** Everything that happened, in order: "commit" (TransactWriteItems done) and "response" (res.end). */
export const timeline: string[] = [];

@Injectable()
export class ResponseTimeline implements NestMiddleware {
  use(_req: unknown, res: { end: (...args: unknown[]) => unknown }, next: () => void): void {
    const end = res.end;
    res.end = function (this: unknown, ...args: unknown[]) {
      timeline.push("response");
      return end.apply(this, args);
    };
    next();
  }
}

@Injectable()
export class RequiresNewService {
  @Transactional({ propagation: "REQUIRES_NEW" })
  async audit(userId: string): Promise<void> {
    await Order.create({ user_id: userId, total: 99 });
  }
}

@Controller("per-controller")
@UseInterceptors(DynamiteTransactionInterceptor)
export class PerControllerController {
  @Post()
  two(@Query("user") user: string, @Query("fail") fail?: string) {
    return twoOrders(user, fail);
  }

  @Post("observable")
  observable(@Query("user") user: string, @Query("fail") fail?: string): Observable<number> {
    return threeWrites(user, fail);
  }

  @Sse("sse")
  sse(@Query("user") user: string): Observable<MessageEvent> {
    return threeWrites(user).pipe(concatMap((n) => of({ data: { n } })));
  }
}

@Controller("per-route")
export class PerRouteController {
  @Post("tx")
  @UseInterceptors(DynamiteTransactionInterceptor)
  tx(@Query("user") user: string) {
    return twoOrders(user);
  }

  @Post("plain")
  plain(@Query("user") user: string) {
    return twoOrders(user);
  }
}

@Controller("analytics")
@UseInterceptors(getTransactionInterceptorToken("analytics"))
export class AnalyticsTrackController {
  @Post()
  async track(@Query("fail") fail?: string) {
    await Event.create({ type: "a" });
    await Event.create({ type: "b" });
    failIfAsked(fail);
    return { ok: true };
  }
}

/** Interceptors per controller and per route, on the default and on a named connection. */
@Module({
  imports: [DynamiteModule.forFeature([Order]), DynamiteModule.forFeature([Event], "analytics")],
  controllers: [PerControllerController, PerRouteController, AnalyticsTrackController],
})
export class LocalInterceptorModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResponseTimeline).forRoutes("*path");
  }
}

@Controller("global")
export class GlobalController {
  constructor(private readonly audits: RequiresNewService) {}

  @Post()
  two(@Query("user") user: string, @Query("fail") fail?: string) {
    return twoOrders(user, fail);
  }

  @Post("opt-out")
  @Transactional({ propagation: "NOT_SUPPORTED" })
  optOut(@Query("user") user: string, @Query("fail") fail?: string) {
    return twoOrders(user, fail);
  }

  @Post("never")
  @Transactional({ propagation: "NEVER" })
  never(@Query("user") user: string) {
    return twoOrders(user);
  }

  @Post("mandatory")
  @Transactional({ propagation: "MANDATORY" })
  mandatory(@Query("user") user: string) {
    return twoOrders(user);
  }

  @Post("decorated")
  @Transactional()
  decorated(@Query("user") user: string) {
    return twoOrders(user);
  }

  @Post("requires-new")
  async requiresNew(@Query("user") user: string) {
    await Order.create({ user_id: user, total: 1 });
    await this.audits.audit(user);
    throw new BadRequestException("outer failed after the audit");
  }

  @Post("lazy")
  lazy(@Query("user") user: string): Observable<{ ok: true }> {
    return defer(() => twoOrders(user));
  }
}

/** Every handler of the app in a transaction: the interceptor as APP_INTERCEPTOR. */
@Module({
  imports: [DynamiteModule.forFeature([Order])],
  controllers: [GlobalController],
  providers: [RequiresNewService, { provide: APP_INTERCEPTOR, useExisting: DynamiteTransactionInterceptor }],
})
export class GlobalInterceptorModule {}

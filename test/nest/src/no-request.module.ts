import { Injectable, Module, type OnApplicationBootstrap } from "@nestjs/common";
import { Cron, CronExpression, ScheduleModule, SchedulerRegistry } from "@nestjs/schedule";
import { currentTransaction, DynamiteModule, DynamiteTransactionHost, Transactional } from "../../../lib/index.js";
import { Order } from "./models.js";

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Where each piece of work ran: its tag and whether a transaction was open. */
export const runs: Array<{ tag: string; inTransaction: boolean }> = [];

async function twoOrders(tag: string): Promise<void> {
  runs.push({ tag, inTransaction: currentTransaction() !== undefined });
  await Order.create({ user_id: tag, total: 1 });
  await Order.create({ user_id: tag, total: 2 });
}

@Injectable()
export class Ledger {
  @Transactional()
  settle(tag: string): Promise<void> {
    return twoOrders(tag);
  }
}

/** A cron job (no request, no ExecutionContext): it calls a @Transactional() provider method once, then stops. */
@Injectable()
export class NightlyJob {
  static firstRun = deferred();

  constructor(
    private readonly ledger: Ledger,
    private readonly registry: SchedulerRegistry,
  ) {}

  @Cron(CronExpression.EVERY_SECOND, { name: "nightly" })
  async run(): Promise<void> {
    this.registry.getCronJob("nightly").stop();
    try {
      await this.ledger.settle("cron");
      NightlyJob.firstRun.resolve();
    } catch (error) {
      NightlyJob.firstRun.reject(error);
    }
  }
}

/** Seeds at startup with @Transactional() on the lifecycle hook itself. */
@Injectable()
export class DecoratedSeeder implements OnApplicationBootstrap {
  @Transactional()
  onApplicationBootstrap(): Promise<void> {
    return twoOrders("bootstrap-decorated");
  }
}

/** Seeds at startup through the injectable transaction host. */
@Injectable()
export class HostSeeder implements OnApplicationBootstrap {
  constructor(private readonly host: DynamiteTransactionHost) {}

  onApplicationBootstrap(): Promise<void> {
    return this.host.withTransaction(() => twoOrders("bootstrap-host"));
  }
}

@Module({
  imports: [ScheduleModule.forRoot(), DynamiteModule.forFeature([Order])],
  providers: [Ledger, NightlyJob, DecoratedSeeder, HostSeeder],
})
export class NoRequestModule {}

import { Controller, Module, UseInterceptors } from "@nestjs/common";
import { MessagePattern, Payload, RpcException } from "@nestjs/microservices";
import { currentTransaction, DynamiteModule, DynamiteTransactionInterceptor, Transactional } from "../../../lib/index.js";
import { Order } from "./models.js";

interface OrderMessage {
  user: string;
  fail?: boolean;
}

async function twoOrders({ user, fail }: OrderMessage): Promise<{ ok: true; inTransaction: boolean }> {
  await Order.create({ user_id: user, total: 1 });
  await Order.create({ user_id: user, total: 2 });
  if (fail) throw new RpcException("failed on purpose");
  return { ok: true, inTransaction: currentTransaction() !== undefined };
}

/** Message handlers over TCP: one under the interceptor, one under @Transactional(). */
@Controller()
export class OrderMessagesController {
  @MessagePattern("orders.intercepted")
  @UseInterceptors(DynamiteTransactionInterceptor)
  intercepted(@Payload() message: OrderMessage) {
    return twoOrders(message);
  }

  @MessagePattern("orders.decorated")
  @Transactional()
  decorated(@Payload() message: OrderMessage) {
    return twoOrders(message);
  }

  /** A duplicate create inside the transaction: DynamoDB cancels it. */
  @MessagePattern("orders.duplicate")
  @Transactional()
  async duplicate(@Payload() message: { id: string }) {
    await Order.create({ id: message.id, user_id: "dup", total: 1 });
    return { ok: true };
  }
}

@Module({
  imports: [DynamiteModule.forFeature([Order])],
  controllers: [OrderMessagesController],
})
export class OrderMessagesModule {}

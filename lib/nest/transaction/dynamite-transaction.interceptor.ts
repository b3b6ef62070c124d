import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from "@nestjs/common";
import type { Observable } from "rxjs";
import { Dynamite } from "../../core/index.js";
import { classForConnection } from "../common/connection-injectable.js";
import { DEFAULT_CONNECTION_NAME } from "../dynamite.constants.js";
import { observeInTransaction } from "./run-in-transaction.js";
import { transactionalOptionsOf } from "./transactional-metadata.js";

/**
 * Runs every handler it intercepts inside `dynamite.tx()` (propagation REQUIRED): HTTP routes,
 * microservice messages, any context with an ExecutionContext. The handler's Observable is subscribed
 * inside the transaction; its values are sent after the commit; an error writes nothing.
 * A handler's own `@Transactional()` treats the interceptor's transaction as the outer one, except that
 * `NOT_SUPPORTED` and `NEVER` handlers are not wrapped at all (that is how a handler opts out).
 * @example providers: [{ provide: APP_INTERCEPTOR, useExisting: DynamiteTransactionInterceptor }]
 */
@Injectable()
export class DynamiteTransactionInterceptor implements NestInterceptor {
  /** The connection this class is bound to (named subclasses come from `getTransactionInterceptorToken`). */
  static readonly connectionName: string = DEFAULT_CONNECTION_NAME;

  constructor(private readonly dynamite: Dynamite) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.refusesTransaction(context.getHandler())) return next.handle();
    return observeInTransaction(
      () => this.dynamite,
      {},
      () => next.handle(),
    );
  }

  // A handler that must not run in this connection's transaction is left to its decorator; any other
  // `@Transactional()` (MANDATORY, SUPPORTS, REQUIRES_NEW, …) finds the interceptor's transaction as its outer one.
  private refusesTransaction(handler: Function): boolean {
    const declared = transactionalOptionsOf(handler);
    const connection = (this.constructor as typeof DynamiteTransactionInterceptor).connectionName;
    return declared?.connection === connection && (declared.propagation === "NOT_SUPPORTED" || declared.propagation === "NEVER");
  }
}

/**
 * The injectable interceptor class of a connection: `DynamiteTransactionInterceptor` for the default
 * one, a subclass bound to the named connection otherwise (usable in `@UseInterceptors` and `APP_INTERCEPTOR`).
 * @example @UseInterceptors(getTransactionInterceptorToken("analytics"))
 */
export function getTransactionInterceptorToken(name?: string): typeof DynamiteTransactionInterceptor {
  return classForConnection(DynamiteTransactionInterceptor, name);
}

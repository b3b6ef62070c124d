import "reflect-metadata";
import { isObservable, type Observable } from "rxjs";
import { ConfigError, Propagation, TransactionPropagationError, type Dynamite } from "../core/index.js";
import { findConnection } from "./common/connection-registry.js";
import { DEFAULT_CONNECTION_NAME } from "./dynamite.constants.js";
import { observeInTransaction, settleInTransaction } from "./transaction/run-in-transaction.js";
import { markTransactional, transactionalOptionsOf, type TransactionalOptions } from "./transaction/transactional-metadata.js";

export type { TransactionalOptions } from "./transaction/transactional-metadata.js";

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

// A class-level @Transactional() covers request work, not Nest's lifecycle hooks.
const LIFECYCLE_HOOKS = new Set<string | symbol>([
  "constructor",
  "onModuleInit",
  "onApplicationBootstrap",
  "onModuleDestroy",
  "beforeApplicationShutdown",
  "onApplicationShutdown",
]);

// The hand-off: decorators run when a class is defined, before dependency injection exists, so the
// wrapper looks its connection up when called, in the registry the module fills once connected.
function connectionOf(name: string, where: string): Dynamite {
  const dynamite = findConnection(name);
  if (dynamite) return dynamite;
  throw new ConfigError(
    `@Transactional() on ${where} found no open Dynamite connection "${name}": ` +
      `import DynamiteModule.forRoot(${name === DEFAULT_CONNECTION_NAME ? "" : `{ name: "${name}" }`}) and call it after the app is initialized`,
  );
}

function declaresObservable(target: object, key: string | symbol): boolean {
  const returnType = Reflect.getMetadata("design:returntype", target, key);
  return typeof returnType === "function" && isObservable(returnType.prototype);
}

// Nest reads route, guard, message-pattern and HTTP metadata from the method function itself, so the wrapper carries it over.
function copyMetadata(from: Function, to: Function): void {
  for (const key of Reflect.getOwnMetadataKeys(from)) Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, from), to);
  Object.defineProperty(to, "name", { value: from.name });
}

function wrapMethod(target: object, key: string | symbol, original: AnyMethod, options: TransactionalOptions): AnyMethod {
  if (transactionalOptionsOf(original)) return original;
  const name = options.connection ?? DEFAULT_CONNECTION_NAME;
  const where = `${target.constructor.name}.${String(key)}`;
  const txOptions = { propagation: options.propagation };
  const returnsObservable = declaresObservable(target, key);
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    if (returnsObservable) {
      return observeInTransaction(
        () => connectionOf(name, where),
        txOptions,
        () => original.apply(this, args) as Observable<unknown>,
      );
    }
    return settleInTransaction(connectionOf(name, where), txOptions, () => original.apply(this, args));
  };
  copyMetadata(original, wrapper);
  markTransactional(wrapper, { ...options, connection: name });
  return wrapper;
}

/**
 * Runs the method (or every method of the class) inside `dynamite.tx()`: all writes made while it runs,
 * in any service, are committed in one TransactWriteItems when it returns; a throw writes nothing.
 * `propagation` relates it to a transaction already open (default REQUIRED: a nested one joins).
 * Works on controllers (HTTP, microservice messages) and on any provider method.
 * @example @Post() @Transactional() create(@Body() dto: CreateUserDto) { return this.users.create(dto); }
 */
export function Transactional(given?: TransactionalOptions): MethodDecorator & ClassDecorator {
  const options = given ?? {};
  const { propagation } = options;
  if (propagation !== undefined && !Object.values<unknown>(Propagation).includes(propagation)) {
    throw new TransactionPropagationError(
      `@Transactional() got an unknown propagation ${JSON.stringify(propagation) ?? String(propagation)}; use one of ${Object.values(Propagation).join(", ")}`,
      propagation,
    );
  }
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined && descriptor) {
      descriptor.value = wrapMethod(target, key, descriptor.value, options);
      return descriptor;
    }
    const prototype = (target as Function).prototype;
    for (const method of Reflect.ownKeys(prototype)) {
      const own = Object.getOwnPropertyDescriptor(prototype, method);
      if (LIFECYCLE_HOOKS.has(method) || !own || typeof own.value !== "function") continue;
      Object.defineProperty(prototype, method, { ...own, value: wrapMethod(prototype, method, own.value, options) });
    }
    return undefined;
  }) as MethodDecorator & ClassDecorator;
}

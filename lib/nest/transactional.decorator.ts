import "reflect-metadata";
import { defer, from, isObservable, lastValueFrom, mergeMap, toArray, type Observable } from "rxjs";
import { ConfigError } from "../core/index.js";
import type { Dynamite } from "../core/index.js";
import { findConnection } from "./common/connection-registry.js";
import { DEFAULT_CONNECTION_NAME } from "./dynamite.constants.js";

export interface TransactionalOptions {
  /** The connection whose `tx()` runs the method (default connection when omitted). */
  connection?: string;
}

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

const WRAPPED = Symbol("dynamite.transactional");

// A class-level @Transactional() covers request work, not Nest's lifecycle hooks.
const LIFECYCLE_HOOKS = new Set<string | symbol>([
  "constructor",
  "onModuleInit",
  "onApplicationBootstrap",
  "onModuleDestroy",
  "beforeApplicationShutdown",
  "onApplicationShutdown",
]);

function connectionOf(name: string, where: string): Dynamite {
  const dynamite = findConnection(name);
  if (dynamite) return dynamite;
  throw new ConfigError(
    `@Transactional() on ${where} found no open Dynamite connection "${name}": ` +
      `import DynamiteModule.forRoot(${name === DEFAULT_CONNECTION_NAME ? "" : `{ name: "${name}" }`}) and call it after the app is initialized`,
  );
}

// Subscribing inside the transaction callback runs the Observable's work in the transaction's async context.
function collect(values: Observable<unknown>): Promise<unknown[]> {
  return lastValueFrom(values.pipe(toArray()));
}

// A handler whose declared type is not Observable but returns one resolves to its last value (what Nest sends).
async function settle(result: unknown): Promise<unknown> {
  const value = await result;
  return isObservable(value) ? (await collect(value)).at(-1) : value;
}

function declaresObservable(target: object, key: string | symbol): boolean {
  const returnType = Reflect.getMetadata("design:returntype", target, key);
  return typeof returnType === "function" && isObservable(returnType.prototype);
}

// Nest reads route, guard and HTTP metadata from the method function itself, so the wrapper carries it over.
function copyMetadata(from: Function, to: Function): void {
  for (const key of Reflect.getOwnMetadataKeys(from)) Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, from), to);
  Object.defineProperty(to, "name", { value: from.name });
}

function wrapMethod(target: object, key: string | symbol, original: AnyMethod, options: TransactionalOptions): AnyMethod {
  if ((original as { [WRAPPED]?: true })[WRAPPED]) return original;
  const name = options.connection ?? DEFAULT_CONNECTION_NAME;
  const where = `${target.constructor.name}.${String(key)}`;
  const returnsObservable = declaresObservable(target, key);
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    if (returnsObservable) {
      return defer(() => connectionOf(name, where).tx(() => collect(original.apply(this, args) as Observable<unknown>))).pipe(
        mergeMap((values) => from(values)),
      );
    }
    return connectionOf(name, where).tx(() => settle(original.apply(this, args)));
  };
  copyMetadata(original, wrapper);
  Object.defineProperty(wrapper, WRAPPED, { value: true });
  return wrapper;
}

/**
 * Runs the method (or every method of the class) inside `dynamite.tx()`: all writes made while it runs,
 * in any service, are committed in one TransactWriteItems when it returns; a throw writes nothing.
 * A nested `@Transactional()` joins the outer transaction. Works on controllers and providers.
 * @example @Post() @Transactional() create(@Body() dto: CreateUserDto) { return this.users.create(dto); }
 */
export function Transactional(options: TransactionalOptions = {}): MethodDecorator & ClassDecorator {
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

import { Inject, Injectable, type Type } from "@nestjs/common";
import { getDynamiteToken } from "./dynamite.utils.js";
import { DEFAULT_CONNECTION_NAME } from "../dynamite.constants.js";

const classes = new WeakMap<Function, Map<string, Type>>();

const pascal = (name: string) => name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

/**
 * The injectable class of `base` for a connection: `base` itself for the default connection, else a
 * subclass (one per name) whose constructor gets that connection's `Dynamite` and whose static
 * `connectionName` is `name`. A class token works
 * everywhere Nest takes a provider: `@UseInterceptors(...)`, `APP_INTERCEPTOR`, constructor injection.
 */
export function classForConnection<T extends Type>(base: T, name?: string): T {
  if (!name || name === DEFAULT_CONNECTION_NAME) return base;
  let byName = classes.get(base);
  if (!byName) classes.set(base, (byName = new Map()));
  let named = byName.get(name);
  if (!named) {
    named = { [`${pascal(name)}${base.name}`]: class extends base {} }[`${pascal(name)}${base.name}`];
    Object.defineProperty(named, "connectionName", { value: name });
    Injectable()(named);
    Inject(getDynamiteToken(name))(named, undefined, 0);
    Reflect.defineMetadata("design:paramtypes", Reflect.getMetadata("design:paramtypes", base) ?? [Object], named);
    byName.set(name, named);
  }
  return named as T;
}

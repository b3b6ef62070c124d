import { Inject } from "@nestjs/common";
import { getDynamiteToken, getTableToken } from "./dynamite.utils.js";

/** Injects the `TableRepository` of `model`. @example constructor(@InjectTable(User) private users: TableRepository<User>) {} */
export function InjectTable(model: Function, connection?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getTableToken(model, connection));
}

/** Injects the `Dynamite` client of a connection (the default one when `connection` is omitted). */
export function InjectDynamite(connection?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getDynamiteToken(connection));
}

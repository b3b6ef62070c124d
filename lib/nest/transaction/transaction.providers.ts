import type { Provider } from "@nestjs/common";
import { ModuleRef } from "@nestjs/core";
import type { Dynamite } from "../../core/index.js";
import { getDynamiteToken } from "../common/dynamite.utils.js";
import { nestEventSink } from "../events/nest-event-sink.js";
import { getTransactionHostToken } from "./dynamite-transaction-host.js";
import { getTransactionInterceptorToken } from "./dynamite-transaction.interceptor.js";

/**
 * Token of the provider that hands a connection's committed events to the app's event buses; its value
 * removes that sink (the outbox of `DynamiteStreamModule` does, and delivers from the stream instead).
 */
export const getEventSinkToken = (name?: string): string => `${name ?? "default"}DynamiteNestEventSink`;

/** The transaction interceptor and host of a connection, and its bridge to the app's event buses. */
export function transactionProviders(name?: string): { providers: Provider[]; exports: Provider[] } {
  const interceptor = getTransactionInterceptorToken(name);
  const host = getTransactionHostToken(name);
  const eventSink: Provider = {
    provide: getEventSinkToken(name),
    useFactory: (dynamite: Dynamite, moduleRef: ModuleRef) => dynamite.events.addSink(nestEventSink(moduleRef)),
    inject: [getDynamiteToken(name), ModuleRef],
  };
  return { providers: [interceptor, host, eventSink], exports: [interceptor, host] };
}

import type { Provider } from "@nestjs/common";
import { ModuleRef } from "@nestjs/core";
import type { Dynamite } from "../../core/index.js";
import { getDynamiteToken } from "../common/dynamite.utils.js";
import { nestEventSink } from "../events/nest-event-sink.js";
import { getTransactionHostToken } from "./dynamite-transaction-host.js";
import { getTransactionInterceptorToken } from "./dynamite-transaction.interceptor.js";

/** Token of the provider that hands a connection's committed events to the app's event buses (private to its core module). */
const EVENT_SINK = "DynamiteNestEventSink";

/** The transaction interceptor and host of a connection, and its bridge to the app's event buses. */
export function transactionProviders(name?: string): { providers: Provider[]; exports: Provider[] } {
  const interceptor = getTransactionInterceptorToken(name);
  const host = getTransactionHostToken(name);
  const eventSink: Provider = {
    provide: EVENT_SINK,
    useFactory: (dynamite: Dynamite, moduleRef: ModuleRef) => dynamite.events.addSink(nestEventSink(moduleRef)),
    inject: [getDynamiteToken(name), ModuleRef],
  };
  return { providers: [interceptor, host, eventSink], exports: [interceptor, host] };
}

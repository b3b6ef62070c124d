export { DynamiteModule } from "./dynamite.module.js";
export { DynamiteCoreModule } from "./dynamite-core.module.js";
export { getDynamiteToken, getTableToken } from "./common/dynamite.utils.js";
export { InjectDynamite, InjectTable } from "./common/dynamite.decorators.js";
export { DEFAULT_CONNECTION_NAME } from "./dynamite.constants.js";
export type {
  DynamiteModuleOptions,
  DynamiteRootOptions,
  DynamiteModuleAsyncOptions,
  DynamiteOptionsFactory,
} from "./interfaces/dynamite-options.interface.js";
export { TableRepository } from "./table-repository.js";
export type { TableClass } from "./table-repository.js";
export { Transactional } from "./transactional.decorator.js";
export type { TransactionalOptions } from "./transactional.decorator.js";
export {
  DynamiteTransactionInterceptor,
  getTransactionInterceptorToken,
} from "./transaction/dynamite-transaction.interceptor.js";
export { DynamiteTransactionHost, getTransactionHostToken } from "./transaction/dynamite-transaction-host.js";
export { DynamiteExceptionFilter } from "./dynamite-exception.filter.js";
export { DynamiteHealthIndicator } from "./health/dynamite.health.js";
export type { DynamiteHealthResult, DynamitePingOptions } from "./health/dynamite.health.js";
export { DynamiteStreamModule } from "./stream/dynamite-stream.module.js";
export { DynamiteStreams } from "./stream/dynamite-streams.service.js";
export { OnTableChange } from "./stream/on-table-change.decorator.js";
export type { OnTableChangeOptions, TableChangeEvent } from "./stream/on-table-change.decorator.js";
export type { DynamiteStreamModuleOptions, DynamiteOutboxModuleOptions } from "./stream/dynamite-stream-options.interface.js";

export { startDynamoLocal } from "./start-dynamo-local.js";
export type { DynamoLocal, StartDynamoLocalOptions } from "./start-dynamo-local.js";
export { findFreePort } from "./free-port.js";

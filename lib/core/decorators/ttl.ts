import { onAttribute } from "./property-target.js";

/**
 * Time To Live: `sync()` enables DynamoDB TTL on this attribute, values (a `Date` or epoch seconds)
 * are stored as epoch seconds, and reads hide items whose time has passed before DynamoDB deletes them.
 * @example `@TTL() declare expiresAt?: Date;`
 */
export function TTL(): PropertyDecorator {
  return onAttribute((meta) => {
    meta.ttl = true;
  });
}

import type { ReadSpec } from "./read-spec.js";
import { withFields } from "../support/with-fields.js";

/** A key lookup that fetches only key columns (and what its residual conditions need): enough to count. */
export function keyProjectionOf(spec: ReadSpec): ReadSpec {
  return withFields(spec, { attributes: spec.model.keyProperties(), includes: [], skip: 0, limit: undefined });
}

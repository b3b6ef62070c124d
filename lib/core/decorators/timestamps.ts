import type { TimestampRole } from "../metadata/model-metadata.js";
import { onAttribute } from "./property-target.js";

function timestamp(role: TimestampRole): PropertyDecorator {
  return onAttribute((meta) => {
    meta.timestamp = role;
  });
}

/** Set to the ISO 8601 time of the create. */
export const CreatedAt = (): PropertyDecorator => timestamp("createdAt");
/** Set to the ISO 8601 time of the create and of every update. */
export const UpdatedAt = (): PropertyDecorator => timestamp("updatedAt");
/** Enables soft delete: `destroy()` sets it, reads hide rows that have it. */
export const DeleteAt = (): PropertyDecorator => timestamp("deletedAt");

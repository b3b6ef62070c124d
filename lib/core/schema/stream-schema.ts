import type { StreamSpecification, TableDescription, UpdateTableCommandInput } from "@aws-sdk/client-dynamodb";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import type { SyncPlan } from "../schema/sync-plan.js";
import { streamViewTypeOf, type StreamViewType } from "../metadata/stream-view-type.js";

/** The view type the model's `@Model({ stream })` option asks for (undefined: no stream). */
export function modelStreamViewType(model: ModelMetadata): StreamViewType | undefined {
  return streamViewTypeOf(model.options.stream, model.name);
}

/** The CreateTable/UpdateTable `StreamSpecification` of a model, or undefined when it has no stream. */
export function streamSpecificationOf(model: ModelMetadata): StreamSpecification | undefined {
  const viewType = modelStreamViewType(model);
  return viewType ? { StreamEnabled: true, StreamViewType: viewType } : undefined;
}

/** The UpdateTable input that turns the model's stream on for an existing table. */
export function buildEnableStreamInput(model: ModelMetadata): UpdateTableCommandInput {
  return { TableName: model.tableName, StreamSpecification: streamSpecificationOf(model) };
}

/**
 * Plans the stream of an existing table: enable it when off; a stream with another view type is drift
 * `sync()` leaves alone (switching means disabling it, and consumers lose their place in the old stream).
 * A stream the model does not ask for is left on: something else (a Lambda) may read it.
 */
export function streamDrift(model: ModelMetadata, description: TableDescription, plan: SyncPlan): void {
  const wanted = modelStreamViewType(model);
  if (!wanted) return;
  const current = description.StreamSpecification;
  if (!current?.StreamEnabled) {
    plan.changes.push({ kind: "enableStream", table: model.tableName, model: model.name, viewType: wanted });
  } else if (current.StreamViewType !== wanted) {
    plan.warnings.push(
      `Table ${model.tableName}: its stream has view type ${current.StreamViewType ?? "?"} but model ${model.name} asks for ` +
        `${wanted}; sync() does not switch it (disable the stream first; its consumers then start on a new stream).`,
    );
  }
}

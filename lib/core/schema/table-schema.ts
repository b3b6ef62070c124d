import type {
  AttributeDefinition,
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  KeySchemaElement,
  Projection,
} from "@aws-sdk/client-dynamodb";
import type { IndexMetadata, ModelMetadata } from "../metadata/model-metadata.js";
import { indexesOf } from "../metadata/relation-resolution.js";
import { streamSpecificationOf } from "./stream-schema.js";

export function keySchema(model: ModelMetadata, partition: string, sort?: string): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: model.columnOf(partition), KeyType: "HASH" }];
  if (sort) schema.push({ AttributeName: model.columnOf(sort), KeyType: "RANGE" });
  return schema;
}

export function projectionOf(index: IndexMetadata): Projection {
  if (Array.isArray(index.projection)) return { ProjectionType: "INCLUDE", NonKeyAttributes: index.projection };
  return { ProjectionType: index.projection };
}

/** The CreateTable input of a model: keys typed from metadata, PAY_PER_REQUEST, its GSIs and LSIs. */
export function buildCreateTableInput(model: ModelMetadata): CreateTableCommandInput {
  const indexes = indexesOf(model);
  const keyProperties = new Set<string>(model.keyProperties());
  for (const index of indexes) {
    if (index.kind === "GSI") keyProperties.add(index.partitionKey);
    if (index.sortKey) keyProperties.add(index.sortKey);
  }
  const gsis = indexes.filter((index) => index.kind === "GSI");
  const lsis = indexes.filter((index) => index.kind === "LSI");
  const stream = streamSpecificationOf(model);
  return {
    TableName: model.tableName,
    BillingMode: "PAY_PER_REQUEST",
    KeySchema: keySchema(model, model.partitionKey!, model.sortKey),
    AttributeDefinitions: attributeDefinitions(model, [...keyProperties]),
    ...(gsis.length && { GlobalSecondaryIndexes: gsis.map((index) => gsiDefinition(model, index)) }),
    ...(lsis.length && {
      LocalSecondaryIndexes: lsis.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(model, model.partitionKeyOf(index), index.sortKey),
        Projection: projectionOf(index),
      })),
    }),
    ...(stream && { StreamSpecification: stream }),
  };
}

/** AttributeDefinitions of key attributes (types from the metadata). */
export function attributeDefinitions(model: ModelMetadata, properties: string[]): AttributeDefinition[] {
  return properties.map((property) => ({ AttributeName: model.columnOf(property), AttributeType: model.keyTypeOf(property) }));
}

/** The CreateTable/UpdateTable definition of one GSI. */
export function gsiDefinition(model: ModelMetadata, index: IndexMetadata): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: keySchema(model, model.partitionKeyOf(index), index.sortKey),
    Projection: projectionOf(index),
  };
}

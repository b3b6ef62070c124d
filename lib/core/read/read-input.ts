import { renderAll, renderCondition } from "../expression/condition.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import { assertExpressionLimits } from "../item/limit-checks.js";
import type { AccessPlan } from "./access-plan.js";

/** The SDK input of a Query or Scan (document-client form), pure: ExclusiveStartKey/Limit are added per page. */
export interface PagedReadInput {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
  Select?: "COUNT";
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** Query/Scan input of a plan; `columns` becomes the ProjectionExpression, `count` asks for Select COUNT. */
export function buildPagedInput(plan: AccessPlan, columns?: string[], count = false): PagedReadInput {
  const builder = new ExpressionBuilder();
  const input: PagedReadInput = { TableName: plan.model.tableName };
  if (plan.index) input.IndexName = plan.index.name;
  if (plan.operation === "Query") {
    // one condition per key attribute, joined without parentheses (the KeyConditionExpression grammar)
    input.KeyConditionExpression = plan.keyConditions.map((c) => renderCondition(c, builder)).join(" AND ");
    input.ScanIndexForward = plan.scanIndexForward;
  }
  const filter = renderAll(plan.filters, builder);
  if (filter) input.FilterExpression = filter;
  if (count) input.Select = "COUNT";
  else if (columns) input.ProjectionExpression = columns.map((column) => builder.name(column)).join(", ");
  if (plan.consistentRead) input.ConsistentRead = true;
  assertExpressionLimits(plan.model.name, "(attributes)", "ProjectionExpression", input.ProjectionExpression);
  builder.addTo(input);
  return input;
}

/** ProjectionExpression and names of a GetItem/BatchGetItem (no values: those requests take none). */
export function buildKeyProjection(columns?: string[]): { expression: string; names: Record<string, string> } | undefined {
  if (!columns) return undefined;
  const builder = new ExpressionBuilder();
  const expression = columns.map((column) => builder.name(column)).join(", ");
  return { expression, names: builder.attributes().ExpressionAttributeNames ?? {} };
}

import { renderAll, type Condition } from "../expression/condition.js";
import { ExpressionBuilder } from "../expression/expression-builder.js";
import { ValidationError } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { describeAttributes, expressionLimitProblem } from "../support/dynamo-limits.js";

/** Conditions DynamoDB evaluates (the FilterExpression) and those checked on the returned items. */
export interface FittedFilters {
  sent: Condition[];
  afterRead: Condition[];
}

const isList = (condition: Condition) => condition.op === "in" || condition.op === "not-in";
const listLength = (condition: Condition) => (isList(condition) ? (condition.value as unknown[]).length : 0);

/**
 * Keeps a Query's or Scan's FilterExpression within DynamoDB's 4 KB and 300-operator limits: the
 * longest `in`/`not-in` lists move, one at a time, to the conditions checked on the returned items
 * (the read then reads the rows they would have dropped, and drops them itself). When no list is
 * left to move the filters themselves are too big: a ValidationError naming them and the limit.
 */
export function fitFilters(model: ModelMetadata, conditions: Condition[]): FittedFilters {
  let sent = conditions;
  const afterRead: Condition[] = [];
  for (;;) {
    const problem = expressionLimitProblem(renderAll(sent, new ExpressionBuilder()) ?? "");
    if (!problem) return { sent, afterRead };
    const longest = sent.filter(isList).sort((a, b) => listLength(b) - listLength(a))[0];
    if (!longest) {
      const columns = describeAttributes(sent.map((condition) => model.propertyOfColumn(condition.column)));
      const rule = problem.endsWith("(expressionSize)") ? "expressionSize" : "expressionOperators";
      throw ValidationError.of(model.name, columns, rule, `the filter on these attributes ${problem.replace(/ \(\w+\)$/, "")}`);
    }
    afterRead.push(longest);
    sent = sent.filter((condition) => condition !== longest);
  }
}

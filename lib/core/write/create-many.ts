import { contextFor } from "../engine/engine-context.js";
import { ValidationError, type ValidationIssue } from "../errors/core-errors.js";
import type { ModelMetadata } from "../metadata/model-metadata.js";
import { isWriteQueue, type WriteQueue } from "../engine/write-queue.js";
import { currentWriteQueue } from "../engine/write-scope.js";
import { executeWrite } from "./execute-write.js";
import { applyCreationDefaults, buildInsertAction, prepareInsert } from "./insert-instance.js";
import { runAfterHooks, runBeforeCreateHooks } from "./run-hooks.js";
import type { WriteAction } from "../engine/write-action.js";
import { describeKey } from "../errors/write-errors.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../support/backoff.js";
import { BatchWriteError } from "../errors/batch-errors.js";
import { batchPutItems } from "./batch-write.js";
import { mapConcurrent } from "../support/concurrency.js";
import { keyId } from "../item/item-key.js";

/** Options of `createMany`. */
export interface CreateManyOptions {
  /**
   * Insert-only: one conditional PutItem per row (bounded concurrency) instead of BatchWriteItem,
   * which cannot carry conditions and so overwrites an existing row with the same key.
   */
  ifNotExists?: boolean;
  /** Retries of UnprocessedItems (BatchWriteItem mode). */
  retry?: Partial<RetryPolicy>;
  /** Run the create hooks of each row (default true). */
  hooks?: boolean;
}

type Row = Record<string, unknown>;

/**
 * Validates every row, then writes them: queued in the open transaction if there is one, else
 * BatchWriteItem 25 a request (or conditional puts with `ifNotExists`). Rows still unwritten after
 * the retries are reported, exactly, by a BatchWriteError.
 */
export async function createManyRows<M>(
  model: ModelMetadata,
  rows: Row[],
  txOrOptions?: WriteQueue | CreateManyOptions,
): Promise<M[]> {
  if (!Array.isArray(rows))
    throw ValidationError.of(model.name, "(rows)", "createMany", "createMany(rows) needs an array of rows");
  const tx = isWriteQueue(txOrOptions) ? txOrOptions : currentWriteQueue();
  const options: CreateManyOptions = isWriteQueue(txOrOptions) ? {} : (txOrOptions ?? {});
  const Model = model.target as new (data: Row) => M & Row;
  const instances = rows.map((row) => new Model({ ...row }));
  const hooks = options.hooks !== false;
  if (hooks) await runBeforeCreateHooks(model, instances, (instance) => applyCreationDefaults(model, instance));
  const actions = buildActions(model, instances);
  if (!actions.length) return instances;
  if (tx) {
    for (const action of actions) await executeWrite(action, tx);
  } else if (options.ifNotExists) {
    await insertEach(model, rows, actions);
  } else {
    await batchPut(model, rows, actions, { ...DEFAULT_RETRY_POLICY, ...options.retry });
  }
  if (hooks) for (const instance of instances) await runAfterHooks(model, instance, "afterCreate", tx);
  return instances;
}

/** Every row's insert action; all rows' issues in one ValidationError, and duplicate keys refused. */
function buildActions(model: ModelMetadata, instances: Row[]): WriteAction[] {
  const issues: ValidationIssue[] = [];
  const actions: WriteAction[] = [];
  const seen = new Map<string, number>();
  instances.forEach((instance, index) => {
    try {
      prepareInsert(model, instance);
      const action = buildInsertAction(model, instance);
      const id = keyId(model, action.key);
      const first = seen.get(id);
      if (first !== undefined) {
        issues.push({
          model: model.name,
          attribute: `rows[${index}]`,
          rule: "uniqueKey",
          message: `repeats the key ${describeKey(action.key)} of rows[${first}]`,
        });
      }
      seen.set(id, index);
      actions.push(action);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, attribute: `rows[${index}].${issue.attribute}` })));
    }
  });
  if (issues.length) throw new ValidationError(issues);
  return actions;
}

async function batchPut(model: ModelMetadata, rows: Row[], actions: WriteAction[], policy: RetryPolicy): Promise<void> {
  const { doc, options } = contextFor(model);
  const items = actions.map((action) => action.item as Row);
  const { unwritten, unconfirmed, error } = await batchPutItems(doc, model, items, options.concurrency, policy);
  const failed: number[] = [];
  actions.forEach((action, index) =>
    unwritten.size && unwritten.has(keyId(model, action.key)) ? failed.push(index) : action.onCommitted?.(),
  );
  if (!failed.length) return;
  const why =
    error === undefined
      ? `were still unprocessed after ${policy.maxAttempts} BatchWriteItem attempts (throttling?)`
      : `were not written because a BatchWriteItem request failed (${(error as Error)?.message ?? String(error)})`;
  const maybe = unconfirmed.size
    ? ` ${unconfirmed.size} of them were in a request that got no answer and may have been written (see error.unconfirmedKeys); putting them again is safe.`
    : "";
  throw new BatchWriteError(
    `${model.name}.createMany: ${failed.length} of ${rows.length} row(s) ${why}; the others were written.${maybe} ` +
      "Retry the rows listed in error.rows.",
    model.name,
    failed.map((index) => rows[index]),
    failed.map((index) => actions[index].key),
    {
      cause: error,
      unconfirmedKeys: actions.filter((action) => unconfirmed.has(keyId(model, action.key))).map((action) => action.key),
    },
  );
}

async function insertEach(model: ModelMetadata, rows: Row[], actions: WriteAction[]): Promise<void> {
  const failures: Array<{ index: number; error: unknown }> = [];
  await mapConcurrent(actions, contextFor(model).options.concurrency, async (action, index) => {
    try {
      await executeWrite(action);
    } catch (error) {
      failures.push({ index, error });
    }
  });
  if (!failures.length) return;
  failures.sort((a, b) => a.index - b.index);
  throw new BatchWriteError(
    `${model.name}.createMany({ ifNotExists }): ${failures.length} of ${rows.length} row(s) were not written ` +
      `(first reason: ${(failures[0].error as Error)?.message}); the others were written.`,
    model.name,
    failures.map(({ index }) => rows[index]),
    failures.map(({ index }) => actions[index].key),
    { cause: failures[0].error },
  );
}

import type { Operator } from "./expression/condition.js";
import type { DollarOperator } from "./expression/operator-aliases.js";
import type { ModelMetadata } from "./metadata/model-metadata.js";
import { requireModelMetadata } from "./metadata/registry.js";
import { createManyRows } from "./write/create-many.js";
import { explainRead } from "./read/explain.js";
import { findManyByKeys } from "./read/find-many.js";
import { paginateRows } from "./read/paginate.js";
import type { Page, PaginateOptions, QueryPlan } from "./read/read-types.js";
import { countRows, readMany, readOne } from "./read/read-api.js";
import type { Filters, QueryOptions } from "./read/query-types.js";
import type { TransactionContext } from "./transaction/transaction-context.js";
import type { TxOrWriteOptions } from "./write/write-options.js";
import type { AttributeKeys, ConcreteModelClass, CreateInput, InferAttributes, ModelClass } from "./metadata/model-types.js";
import { destroyInstance, forceDestroyInstance, restoreInstance } from "./write/destroy-instance.js";
import { incrementInstance } from "./write/increment-instance.js";
import { incrementWhere } from "./write/increment-where.js";
import { insertInstance } from "./write/insert-instance.js";
import { saveInstance } from "./write/save-instance.js";
import { buildConditionCheckAction } from "./write/condition-check.js";
import { executeWrite } from "./write/execute-write.js";
import { deleteWhere, updateWhere } from "./write/bulk-writes.js";
import { assignInput } from "./metadata/instance-api-names.js";
import { assertKeyKept } from "./instance/stored-key.js";
import { toPlainObject } from "./instance/to-plain-object.js";
import { constructInstance } from "./instance/construction-defaults.js";
import { isPersisted } from "./instance/instance-state.js";
import type { CreateManyOptions } from "./write/create-many.js";
import type { PivotChange } from "./write/pivot-links.js";
import { changeLinksBy } from "./write/link-args.js";
import { traced } from "./telemetry/traced.js";
import type { ChangeRecord } from "./stream/change-record.js";
import { parseRecordOf } from "./stream/parse-stream-record.js";
import type { StreamRecordInput } from "./stream/stream-record-input.js";

function modelOf(target: Function): ModelMetadata {
  return requireModelMetadata(target);
}

/**
 * Base class of every model. Static methods work on the table, instance methods on one row.
 * @example class User extends Table<User> { @PrimaryKey() declare id: string; declare name: string }
 */
export class Table<T = any> {
  /** Assigns `data`, then fills `@Default` values, a generated string key and creation timestamps. */
  constructor(data?: Partial<InferAttributes<T>>) {
    constructInstance(this, data);
  }

  /** True once the row is written (after commit in a transaction) or when it was read. */
  get isPersisted(): boolean {
    return isPersisted(this);
  }

  /** The @arcaelas/dynamite spelling of {@link isPersisted}. */
  get __isPersisted(): boolean {
    return isPersisted(this);
  }

  /** Inserts a row; never overwrites (a duplicate key is a ConflictError). `{ hooks: false }` skips lifecycle hooks. */
  @traced("create")
  static async create<M extends Table>(this: ConcreteModelClass<M>, data: CreateInput<M>, tx?: TxOrWriteOptions): Promise<M> {
    const instance = new this(data);
    await insertInstance(modelOf(this), instance, tx);
    return instance;
  }

  /** Rows matching the filters (soft-deleted rows hidden). */
  static where<M extends Table>(this: ConcreteModelClass<M>, field: AttributeKeys<M>, value: unknown): Promise<M[]>;
  static where<M extends Table>(
    this: ConcreteModelClass<M>,
    field: AttributeKeys<M>,
    op: Operator | DollarOperator,
    value: unknown,
  ): Promise<M[]>;
  static where<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>, options?: QueryOptions): Promise<M[]>;
  @traced("where", "rows")
  static where(this: Function, ...args: unknown[]): Promise<unknown[]> {
    return readMany(modelOf(this), args);
  }

  static first<M extends Table>(this: ConcreteModelClass<M>, field: AttributeKeys<M>, value: unknown): Promise<M | undefined>;
  static first<M extends Table>(
    this: ConcreteModelClass<M>,
    field: AttributeKeys<M>,
    op: Operator | DollarOperator,
    value: unknown,
  ): Promise<M | undefined>;
  static first<M extends Table>(
    this: ConcreteModelClass<M>,
    filters?: Filters<M>,
    options?: QueryOptions,
  ): Promise<M | undefined>;
  @traced("first", "rows")
  static first(this: Function, ...args: unknown[]): Promise<unknown> {
    return readOne(modelOf(this), args, false);
  }

  static last<M extends Table>(this: ConcreteModelClass<M>, field: AttributeKeys<M>, value: unknown): Promise<M | undefined>;
  static last<M extends Table>(
    this: ConcreteModelClass<M>,
    field: AttributeKeys<M>,
    op: Operator | DollarOperator,
    value: unknown,
  ): Promise<M | undefined>;
  static last<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>, options?: QueryOptions): Promise<M | undefined>;
  @traced("last", "rows")
  static last(this: Function, ...args: unknown[]): Promise<unknown> {
    return readOne(modelOf(this), args, true);
  }

  /** Like `where`, soft-deleted rows included. */
  @traced("withTrashed", "rows")
  static withTrashed<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>, options?: QueryOptions): Promise<M[]> {
    return readMany(modelOf(this), [filters, options], "withTrashed");
  }

  /** Only soft-deleted rows. */
  @traced("onlyTrashed", "rows")
  static onlyTrashed<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>, options?: QueryOptions): Promise<M[]> {
    return readMany(modelOf(this), [filters, options], "onlyTrashed");
  }

  @traced("count")
  static count<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>): Promise<number> {
    return countRows(modelOf(this), [filters]);
  }

  /** One page of matching rows and the opaque cursor of the next page. */
  @traced("paginate", "rows")
  static paginate<M extends Table>(this: ConcreteModelClass<M>, filters: Filters<M>, options: PaginateOptions): Promise<Page<M>> {
    return paginateRows<M>(modelOf(this), filters, options);
  }

  /** The access plan of a read (GetItem, BatchGetItem, Query or Scan), without sending anything. */
  static explain<M extends Table>(this: ConcreteModelClass<M>, filters?: Filters<M>, options?: QueryOptions): QueryPlan {
    return explainRead(modelOf(this), filters, options);
  }

  /** Rows by primary keys (BatchGetItem), in the order of the keys; missing keys are left out. */
  @traced("findMany", "rows")
  static findMany<M extends Table>(this: ConcreteModelClass<M>, keys: Array<Partial<InferAttributes<M>>>): Promise<M[]> {
    return findManyByKeys<M>(modelOf(this), keys as Array<Record<string, unknown>>);
  }

  /** Inserts many rows with BatchWriteItem (25 a request); unprocessed rows are retried. */
  @traced("createMany")
  static createMany<M extends Table>(
    this: ConcreteModelClass<M>,
    rows: Array<CreateInput<M>>,
    txOrOptions?: TransactionContext | CreateManyOptions,
  ): Promise<M[]> {
    return createManyRows<M>(modelOf(this), rows as Array<Record<string, unknown>>, txOrOptions);
  }

  /** Updates every matching row with `patch` (UpdateItem of the changed attributes each); returns the count. */
  @traced("update")
  static update<M extends Table>(
    this: ConcreteModelClass<M>,
    patch: Partial<InferAttributes<M>>,
    filters: Filters<M>,
    tx?: TxOrWriteOptions,
  ): Promise<number> {
    return updateWhere(modelOf(this), patch as Record<string, unknown>, filters, tx);
  }

  /** Deletes every matching row (soft with @DeleteAt); returns the count. */
  @traced("delete")
  static delete<M extends Table>(this: ConcreteModelClass<M>, filters: Filters<M>, tx?: TxOrWriteOptions): Promise<number> {
    return deleteWhere(modelOf(this), filters, tx);
  }

  /** Adds `by` to `field` of each row matching `filters` (one conditional UpdateItem a row, never a new row); returns the count. */
  @traced("increment")
  static increment<M extends Table>(
    this: ConcreteModelClass<M>,
    field: AttributeKeys<M>,
    by: number,
    filters: Filters<M>,
    options?: TxOrWriteOptions,
  ): Promise<number> {
    return incrementWhere(modelOf(this), field, by, filters, options);
  }

  /** Subtracts `by` from `field` of each row matching `filters`, like `increment`; returns the count. */
  @traced("decrement")
  static decrement<M extends Table>(
    this: ConcreteModelClass<M>,
    field: AttributeKeys<M>,
    by: number,
    filters: Filters<M>,
    options?: TxOrWriteOptions,
  ): Promise<number> {
    return incrementWhere(modelOf(this), field, -by, filters, options);
  }

  /**
   * Queues a ConditionCheck in the open transaction: it is cancelled unless the row exists and matches `condition`.
   * @example await Product.check({ id }, { stock: { ">=": 2 } }, tx);
   */
  @traced("check")
  static async check<M extends Table>(
    this: ConcreteModelClass<M>,
    key: Partial<InferAttributes<M>>,
    condition: Filters<M> = {},
    tx?: TransactionContext,
  ): Promise<void> {
    await executeWrite(buildConditionCheckAction(modelOf(this), key as Record<string, unknown>, condition), tx);
  }

  /**
   * A Lambda or GetRecords stream record of this model's table as a typed change (hydrated images, key, changed attributes).
   * @example const change = User.parseStreamRecord(event.Records[0]); change.newImage?.email
   */
  static parseStreamRecord<M extends Table>(this: ConcreteModelClass<M>, record: StreamRecordInput): ChangeRecord<M> {
    return parseRecordOf<M>(modelOf(this), record);
  }

  /** Inserts a new instance, or sends only its changed attributes. */
  @traced("save")
  async save(tx?: TxOrWriteOptions): Promise<this> {
    await saveInstance(modelOf(this.constructor), this, tx);
    return this;
  }

  /** Assigns `patch` and saves the changed attributes. */
  @traced("update")
  async update(patch: Partial<InferAttributes<T>>, tx?: TxOrWriteOptions): Promise<this> {
    assertKeyKept(modelOf(this.constructor), this, patch as Record<string, unknown>); // refused before it is assigned
    assignInput(this, patch);
    return this.save(tx);
  }

  /** Soft delete with @DeleteAt, otherwise a hard delete. */
  @traced("destroy")
  async destroy(tx?: TxOrWriteOptions): Promise<void> {
    await destroyInstance(modelOf(this.constructor), this, tx);
  }

  /** Hard delete, even on a soft-delete model. */
  @traced("forceDestroy")
  async forceDestroy(tx?: TxOrWriteOptions): Promise<void> {
    await forceDestroyInstance(modelOf(this.constructor), this, tx);
  }

  /** Undoes a soft delete. */
  @traced("restore")
  async restore(tx?: TransactionContext): Promise<this> {
    await restoreInstance(modelOf(this.constructor), this, tx);
    return this;
  }

  /** Atomically adds `by` to a number attribute of an existing row. */
  @traced("increment")
  async increment(field: AttributeKeys<T>, by = 1, tx?: TransactionContext): Promise<this> {
    await incrementInstance(modelOf(this.constructor), this, field, by, tx);
    return this;
  }

  @traced("decrement")
  async decrement(field: AttributeKeys<T>, by = 1, tx?: TransactionContext): Promise<this> {
    return this.increment(field, -by, tx);
  }

  /**
   * ManyToMany: links the rows with keys `ids` through the pivot table (already linked ones are skipped).
   * The relation is its name or its target class; `ids` one key or an array.
   * @example await user.attach("roles", [adminId]); await user.attach(Role, adminId);
   */
  @traced("attach")
  attach(relation: string | ModelClass, ids: unknown, tx?: TransactionContext): Promise<PivotChange> {
    return changeLinksBy("attach", modelOf(this.constructor), this, relation, ids, tx);
  }

  /** ManyToMany: deletes the pivot rows linking `ids` (relation by name or target class). */
  @traced("detach")
  detach(relation: string | ModelClass, ids: unknown, tx?: TransactionContext): Promise<PivotChange> {
    return changeLinksBy("detach", modelOf(this.constructor), this, relation, ids, tx);
  }

  /** ManyToMany: makes `ids` exactly the linked rows (attaches the missing, detaches the rest). */
  @traced("sync")
  sync(relation: string | ModelClass, ids: unknown, tx?: TransactionContext): Promise<PivotChange> {
    return changeLinksBy("sync", modelOf(this.constructor), this, relation, ids, tx);
  }

  /** Attributes (and relations loaded by `include`) as a plain object. */
  toJSON(): InferAttributes<T> {
    return toPlainObject(this) as InferAttributes<T>;
  }
}

import type {
  Dynamite,
  Operator,
  Page,
  PaginateOptions,
  QueryPlan,
  Filters,
  QueryOptions,
  Table,
  CreateManyOptions,
  TransactionContext,
  AttributeKeys,
  ConcreteModelClass,
  CreateInput,
  InferAttributes,
} from "../core/index.js";

/** A model class with the static API of `Table`. */
export type TableClass<M extends Table> = ConcreteModelClass<M> & Omit<typeof Table, "prototype">;

/**
 * The static API of one model, injectable with `@InjectTable(Model)`. Calls go to the model's
 * statics, which use the connection the model is registered on and join the ambient transaction.
 * @example constructor(@InjectTable(User) private readonly users: TableRepository<User>) {}
 */
export class TableRepository<M extends Table> {
  constructor(
    /** The model class. */
    readonly model: TableClass<M>,
    /** The connection the model is registered on. */
    readonly connection: Dynamite,
  ) {}

  /** Inserts a row; never overwrites (a duplicate key is a ConflictError). */
  create(data: CreateInput<M>, tx?: TransactionContext): Promise<M> {
    return this.model.create<M>(data, tx);
  }

  /** Inserts many rows (BatchWriteItem, `{ ifNotExists: true }` for insert-only, or inside the transaction). */
  createMany(rows: Array<CreateInput<M>>, txOrOptions?: TransactionContext | CreateManyOptions): Promise<M[]> {
    return this.model.createMany<M>(rows, txOrOptions);
  }

  /** Rows matching the filters (soft-deleted rows hidden). */
  where(field: AttributeKeys<M>, value: unknown): Promise<M[]>;
  where(field: AttributeKeys<M>, op: Operator, value: unknown): Promise<M[]>;
  where(filters?: Filters<M>, options?: QueryOptions): Promise<M[]>;
  where(...args: unknown[]): Promise<M[]> {
    return Reflect.apply(this.model.where, this.model, args);
  }

  /** The first matching row in key order. */
  first(field: AttributeKeys<M>, value: unknown): Promise<M | undefined>;
  first(field: AttributeKeys<M>, op: Operator, value: unknown): Promise<M | undefined>;
  first(filters?: Filters<M>, options?: QueryOptions): Promise<M | undefined>;
  first(...args: unknown[]): Promise<M | undefined> {
    return Reflect.apply(this.model.first, this.model, args);
  }

  /** The last matching row in key order. */
  last(field: AttributeKeys<M>, value: unknown): Promise<M | undefined>;
  last(field: AttributeKeys<M>, op: Operator, value: unknown): Promise<M | undefined>;
  last(filters?: Filters<M>, options?: QueryOptions): Promise<M | undefined>;
  last(...args: unknown[]): Promise<M | undefined> {
    return Reflect.apply(this.model.last, this.model, args);
  }

  /** Number of matching rows. */
  count(filters?: Filters<M>): Promise<number> {
    return this.model.count<M>(filters);
  }

  /** One page of matching rows and the opaque cursor of the next page. */
  paginate(filters: Filters<M>, options: PaginateOptions): Promise<Page<M>> {
    return this.model.paginate<M>(filters, options);
  }

  /** Rows by primary keys (BatchGetItem), in the order of the keys. */
  findMany(keys: Array<Partial<InferAttributes<M>>>): Promise<M[]> {
    return this.model.findMany<M>(keys);
  }

  /** Updates every matching row with `patch`; returns the count. */
  update(patch: Partial<InferAttributes<M>>, filters: Filters<M>, tx?: TransactionContext): Promise<number> {
    return this.model.update<M>(patch, filters, tx);
  }

  /** Deletes every matching row (soft with @DeleteAt); returns the count. */
  delete(filters: Filters<M>, tx?: TransactionContext): Promise<number> {
    return this.model.delete<M>(filters, tx);
  }

  /** Like `where`, soft-deleted rows included. */
  withTrashed(filters?: Filters<M>, options?: QueryOptions): Promise<M[]> {
    return this.model.withTrashed<M>(filters, options);
  }

  /** Only soft-deleted rows. */
  onlyTrashed(filters?: Filters<M>, options?: QueryOptions): Promise<M[]> {
    return this.model.onlyTrashed<M>(filters, options);
  }

  /** The access plan of a read, without sending anything. */
  explain(filters?: Filters<M>, options?: QueryOptions): QueryPlan {
    return this.model.explain<M>(filters, options);
  }
}

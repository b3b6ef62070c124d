// Exported (types only) so that declaration emit can name them in users' inferred types.
export declare const creationOptionalBrand: unique symbol;
export declare const nonAttributeBrand: unique symbol;

/** An attribute that `create()` may omit (a default, a timestamp or a generated key fills it). */
export type CreationOptional<T> = T extends null | undefined ? T : T & { [creationOptionalBrand]?: true };

/** A property that is not stored (relations, computed values). */
export type NonAttribute<T> = T extends null | undefined ? T : T & { [nonAttributeBrand]?: true };

type IsBranded<T, Brand extends symbol> = [Extract<T, { [K in Brand]?: true }>] extends [never]
  ? false
  : keyof Extract<T, object> extends never
    ? false
    : Brand extends keyof Extract<T, object>
      ? true
      : false;

/** Instance members every model inherits from Table; never attributes. */
export interface TableInstanceMembers {
  save(...args: any[]): unknown;
  update(...args: any[]): unknown;
  destroy(...args: any[]): unknown;
  forceDestroy(...args: any[]): unknown;
  restore(...args: any[]): unknown;
  increment(...args: any[]): unknown;
  decrement(...args: any[]): unknown;
  toJSON(...args: any[]): unknown;
  attach(...args: any[]): unknown;
  detach(...args: any[]): unknown;
  sync(...args: any[]): unknown;
  readonly isPersisted: boolean;
  readonly __isPersisted: boolean;
}

/** The stored attributes of a model: its own non-function properties minus `NonAttribute` ones. */
export type AttributeKeys<M> = {
  [K in keyof M]-?: K extends keyof TableInstanceMembers
    ? never
    : M[K] extends (...args: any[]) => any
      ? never
      : IsBranded<M[K], typeof nonAttributeBrand> extends true
        ? never
        : K;
}[keyof M] &
  string;

/** The attributes of a model as a plain object type. */
export type InferAttributes<M> = { [K in AttributeKeys<M>]: M[K] };

type OptionalCreateKeys<M> = {
  [K in AttributeKeys<M>]-?: undefined extends M[K] ? K : IsBranded<M[K], typeof creationOptionalBrand> extends true ? K : never;
}[AttributeKeys<M>];

/** What `create()` takes: required attributes must be there, `CreationOptional` ones may be left out. */
export type CreateInput<M> = { [K in Exclude<AttributeKeys<M>, OptionalCreateKeys<M>>]: M[K] } & {
  [K in OptionalCreateKeys<M>]?: M[K] | null;
};

/** A class whose instances are models. */
export type ModelClass<M = any> = (abstract new (...args: any[]) => M) & Function;

/** A concrete model class (what static methods receive as `this`). */
export type ConcreteModelClass<M = any> = (new (data?: any) => M) & Function;

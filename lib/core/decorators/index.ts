export { PrimaryKey, Index, IndexSort } from "./keys.js";
export type { KeyOptions } from "./keys.js";
export { Attribute, Default, NotNull, Validate, Mutate, Serialize } from "./columns.js";
export { Name } from "./name.js";
export { CreatedAt, UpdatedAt, DeleteAt } from "./timestamps.js";
export { HasMany, HasOne, BelongsTo, ManyToMany } from "./relations.js";
export type { ManyToManyOptions } from "./relations.js";
export { Model } from "./model-options.js";

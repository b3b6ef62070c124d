import { HasMany, IndexSort, PrimaryKey, Table, type NonAttribute } from "../../../lib/core/index.js";

/** Items of the differential tests: composite key, a GSI on `group`, and loose attributes of every kind. */
export class DiffItem extends Table<DiffItem> {
  @PrimaryKey() declare pk: string;
  @IndexSort({ type: Number }) declare sk: number;
  declare group?: string;
  declare n?: number;
  declare s?: string;
  declare flag?: boolean;
  declare tags?: Set<string>;
}

/** Gives DiffItem the GSI `GSI1_group` (a Query on `group` without a sort key: no defined order). */
export class DiffGroup extends Table<DiffGroup> {
  @PrimaryKey() declare id: string;
  @HasMany(() => DiffItem, "group") declare items: NonAttribute<DiffItem[]>;
}

export const PARTITIONS = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
export const GROUPS = ["g0", "g1", "g2", "g3"];

import { PrimaryKey, Table } from "../../../lib/core/index.js";

/** Rows of the fault tests. */
export class Ledger extends Table<Ledger> {
  @PrimaryKey() declare id: string;
  declare amount: number;
}

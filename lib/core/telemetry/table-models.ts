import { allModelMetadata, modelCount } from "../metadata/registry.js";

/**
 * Model names by table name, for attributing a request to models. A client's own tables win over
 * other models of the same table name; the map is rebuilt when a new model class is decorated.
 */
export class TableModels {
  private names = new Map<string, string>();
  private seenModels = -1;
  private seenTables = -1;

  constructor(private readonly ownTables: ReadonlySet<Function>) {}

  /** The model of each table (the table name itself when no model maps to it). */
  modelsOf(tables: string[]): string[] {
    this.refresh();
    return tables.map((table) => this.names.get(table) ?? table);
  }

  private refresh(): void {
    const own = this.ownTables;
    if (this.seenModels === modelCount() && this.seenTables === own.size) return;
    const names = new Map<string, string>();
    for (const meta of allModelMetadata()) if (!names.has(meta.tableName)) names.set(meta.tableName, meta.name);
    for (const meta of allModelMetadata()) if (own.has(meta.target)) names.set(meta.tableName, meta.name);
    this.names = names;
    this.seenModels = modelCount();
    this.seenTables = own.size;
  }
}

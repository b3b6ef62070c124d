import {
  CreatedAt,
  Default,
  DeleteAt,
  IndexSort,
  NotNull,
  PrimaryKey,
  Table,
  type CreationOptional,
} from "../../lib/core/index.js";

/** Written the way @arcaelas/dynamite models are: `@PrimaryKey()` alone, the key generated. */
export class Gadget extends Table<Gadget> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @NotNull() declare name: string;
  @Default("") declare category: CreationOptional<string>;
  @Default(() => 0) declare price: CreationOptional<number>;
  @Default("") declare tags: CreationOptional<string>;
  declare rating?: number;
  @CreatedAt() declare created_at: CreationOptional<string>;
  @DeleteAt() declare deleted_at?: string;
}

/** Composite key: `order` by the sort key is DynamoDB's own order. */
export class Tick extends Table<Tick> {
  @PrimaryKey() declare stream: string;
  @IndexSort({ type: Number }) declare seq: number;
  declare size: number;
}

/** 12 gadgets: prices 10..120, categories alternate, two tagged "featured", every third has a rating. */
export async function seedGadgets(): Promise<Gadget[]> {
  const made: Gadget[] = [];
  for (let i = 0; i < 12; i++) {
    made.push(
      await Gadget.create({
        name: `g${i}`,
        category: i % 2 ? "odd" : "even",
        price: (i + 1) * 10,
        tags: i < 2 ? "featured,new" : "plain",
        ...(i % 3 === 0 && { rating: 12 - i }),
      }),
    );
  }
  for (let seq = 1; seq <= 5; seq++) await Tick.create({ stream: "s", seq, size: 6 - seq });
  return made;
}

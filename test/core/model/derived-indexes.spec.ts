import { describe, expect, it } from "@jest/globals";
import { HasMany, PrimaryKey, Table, type NonAttribute } from "../../../lib/core/index.js";
import { indexesOf } from "../../../lib/core/metadata/relation-resolution.js";
import { requireModelMetadata } from "../../../lib/core/metadata/registry.js";

class Ticket extends Table<Ticket> {
  @PrimaryKey() declare id: string;
  declare board_id: string;
  declare owner_id: string;
}

class Board extends Table<Board> {
  @PrimaryKey() declare id: string;
  @HasMany(() => Ticket, "board_id") declare tickets: NonAttribute<Ticket[]>;
}

describe("derived GSIs of a model (indexesOf)", () => {
  it("are computed once and reused until another model class registers", () => {
    const ticket = requireModelMetadata(Ticket);
    const first = indexesOf(ticket);
    expect(first.map((index) => index.name)).toEqual(["GSI1_board_id"]);
    expect(indexesOf(ticket)).toBe(first);
  });

  it("include a HasMany of a model class defined later (the cache is not stale)", () => {
    const ticket = requireModelMetadata(Ticket);
    const before = indexesOf(ticket);
    class Person extends Table<Person> {
      @PrimaryKey() declare id: string;
      @HasMany(() => Ticket, "owner_id") declare tickets: NonAttribute<Ticket[]>;
    }
    expect(requireModelMetadata(Person).relations.size).toBe(1);
    const after = indexesOf(ticket);
    expect(after).not.toBe(before);
    expect(after.map((index) => index.name)).toEqual(["GSI1_board_id", "GSI2_owner_id"]);
    void Board;
  });
});

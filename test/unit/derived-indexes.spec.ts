import { describe, expect, it } from "@jest/globals";
import { HasMany, PrimaryKey, Table, type NonAttribute } from "../../lib/core/index.js";

class Ticket extends Table<Ticket> {
  @PrimaryKey() declare id: string;
  declare board_id: string;
  declare owner_id: string;
}

class Board extends Table<Board> {
  @PrimaryKey() declare id: string;
  @HasMany(() => Ticket, "board_id") declare tickets: NonAttribute<Ticket[]>;
}

/** Reads plan through the GSIs a model's table gets for the @HasMany foreign keys pointing at it. */
describe("derived GSIs of a model", () => {
  it("a @HasMany foreign key is read through its derived GSI, other attributes by Scan", () => {
    expect(Ticket.explain({ board_id: "b1" })).toMatchObject({ operation: "Query", index: "GSI1_board_id" });
    expect(Ticket.explain({ owner_id: "p1" })).toMatchObject({ operation: "Scan" });
    void Board;
  });

  it("a model class defined later adds its GSI to reads planned after it (no stale plan)", () => {
    expect(Ticket.explain({ owner_id: "p1" }).operation).toBe("Scan");
    class Person extends Table<Person> {
      @PrimaryKey() declare id: string;
      @HasMany(() => Ticket, "owner_id") declare tickets: NonAttribute<Ticket[]>;
    }
    expect(Person.explain({ id: "p1" }).operation).toBe("GetItem");
    expect(Ticket.explain({ owner_id: "p1" })).toMatchObject({ operation: "Query", index: "GSI2_owner_id" });
    expect(Ticket.explain({ board_id: "b1" })).toMatchObject({ operation: "Query", index: "GSI1_board_id" });
  });
});

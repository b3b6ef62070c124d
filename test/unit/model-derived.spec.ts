import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { Default, Name, PrimaryKey, Table } from "../../lib/core/index.js";
import { fromItem } from "../../lib/core/item/item-codec.js";
import { metadataFor } from "../../lib/core/metadata/registry.js";

describe("per-model derived lookups", () => {
  it("are rebuilt after a decorator changes the model, never served stale", () => {
    class Gadget extends Table<Gadget> {
      @PrimaryKey() declare id: string;
      @Name("lbl") declare label: string;
    }
    const model = metadataFor(Gadget);
    expect(fromItem(model, { id: "g", lbl: "x", clr: "red" })).toEqual({ id: "g", label: "x", clr: "red" });
    expect(new Gadget({ id: "g" }).toJSON()).not.toHaveProperty("color");
    // decorators applied after the first use (as a late mixin would): the next read sees them
    Name("clr")(Gadget.prototype, "color");
    expect(fromItem(model, { id: "g", lbl: "x", clr: "red" })).toEqual({ id: "g", label: "x", color: "red" });
    expect(new Gadget({ id: "g" }).toJSON()).not.toHaveProperty("color"); // the defaults are derived again here
    Default(() => "blue")(Gadget.prototype, "color"); // an attribute that exists: only metadataFor marks the change
    expect(new Gadget({ id: "g" }).toJSON()).toMatchObject({ color: "blue" });
  });

  it("a value is built once per revision", () => {
    class Widget extends Table<Widget> {
      @PrimaryKey() declare id: string;
    }
    const model = metadataFor(Widget);
    let builds = 0;
    const build = () => ++builds;
    expect([model.derived("n", build), model.derived("n", build)]).toEqual([1, 1]);
    model.touch();
    expect(model.derived("n", build)).toBe(2);
  });
});

import { describe, expect, it } from "@jest/globals";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  Attribute,
  ConfigError,
  HasMany,
  Model,
  Name,
  PrimaryKey,
  Table,
  ValidationError,
  type NonAttribute,
} from "../../lib/core/index.js";
import { documentClientFor } from "../../lib/core/engine/engine-context.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Loose extends Table<Loose> {
  @PrimaryKey() declare id: string;
  declare label?: string;
  greet(): string {
    return `hi ${this.id}`;
  }
}

@Model({ strict: true })
class Member extends Table<Member> {
  @PrimaryKey() declare id: string;
  @Attribute() declare displayName: string;
}

/** Stores the attribute `save` under another property name: the supported way to keep such a column. */
class Legacy extends Table<Legacy> {
  @PrimaryKey() declare id: string;
  @Name("save") declare saveFlag?: string;
}

const API_NAMES = ["save", "update", "destroy", "toJSON", "increment", "constructor", "hasOwnProperty", "__proto__"];

describe("names cannot break an instance", () => {
  const db = useTestDatabase([Loose, Member, Legacy]);
  const raw = () => documentClientFor(db.dynamite.getClient());

  it.each(API_NAMES.filter((name) => name !== "__proto__"))(
    "declaring an attribute named %s is a ConfigError at model definition",
    (name) => {
      expect(() => {
        class Shadowing extends Table<Shadowing> {
          @PrimaryKey() declare id: string;
        }
        Attribute()(Shadowing.prototype, name);
      }).toThrow(new RegExp(`Model Shadowing: the attribute "${name}" would shadow the instance API`));
    },
  );

  it("a model's own method, and a relation named like the API, are refused too", () => {
    class Own extends Table<Own> {
      @PrimaryKey() declare id: string;
      @HasMany(() => Loose, "parent_id") declare children: NonAttribute<Loose[]>;
      summary(): string {
        return this.id;
      }
    }
    expect(() => Attribute()(Own.prototype, "summary")).toThrow(ConfigError);
    expect(() => HasMany(() => Loose, "parent_id")(Own.prototype, "destroy")).toThrow(
      'the relation "destroy" would shadow the instance API',
    );
  });

  it.each(API_NAMES)("create() with a %s key in the input is a ValidationError with zero requests", async (name) => {
    const input = JSON.parse(`{"id": "x1", "${name}": {"isAdmin": true}}`) as Record<string, unknown>;
    await expect(Loose.create(input as never)).rejects.toThrow(ValidationError);
    await expect(Loose.create(input as never)).rejects.toThrow(`Loose.${name}: is a method or reserved name`);
    expect(db.recorder.commands()).toEqual([]);
  });

  it('create(JSON.parse(\'{"__proto__": {"isAdmin": true}}\')) on a strict model never yields a non-instance', async () => {
    const body = JSON.parse('{"id": "m1", "displayName": "Ann", "__proto__": {"isAdmin": true}}') as Record<string, unknown>;
    await expect(Member.create(body as never)).rejects.toThrow(ValidationError);
    expect(() => new Member(body as never)).toThrow(ValidationError);
    expect(db.recorder.commands()).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined(); // Object.prototype untouched
  });

  it("instance.update() and Model.update() with such a name are refused; the instance keeps its methods", async () => {
    const row = await Loose.create({ id: "u1" });
    db.recorder.reset();
    await expect(row.update({ save: 1 } as never)).rejects.toThrow(ValidationError);
    await expect(Loose.update({ greet: "x" } as never, { id: "u1" })).rejects.toThrow(ValidationError);
    expect(db.recorder.commands()).toEqual([]);
    expect(typeof row.save).toBe("function");
    expect(row.greet()).toBe("hi u1");
  });

  it("a stored row with attributes named save/toJSON/constructor/greet loads as a proper instance, and save() keeps them", async () => {
    const item = { id: "s1", label: "old", save: "stored", toJSON: "stored", constructor: "stored", greet: 7 };
    await raw().send(new PutCommand({ TableName: "looses", Item: item }));
    const row = (await Loose.first({ id: "s1" }))!;
    expect(row).toBeInstanceOf(Loose);
    expect(row.greet()).toBe("hi s1");
    expect(row.toJSON()).toEqual({ id: "s1", label: "old" });
    row.label = "new";
    await row.save();
    const stored = (await raw().send(new GetCommand({ TableName: "looses", Key: { id: "s1" } }))).Item;
    expect(stored).toEqual({ ...item, label: "new" });
  });

  it("@Name keeps a column called save under another property name", async () => {
    await Legacy.create({ id: "l1", saveFlag: "yes" });
    const row = (await Legacy.first({ id: "l1" }))!;
    expect(row.saveFlag).toBe("yes");
    await row.update({ saveFlag: "no" });
    const stored = (await raw().send(new GetCommand({ TableName: "legacies", Key: { id: "l1" } }))).Item;
    expect(stored).toEqual({ id: "l1", save: "no" });
  });
});

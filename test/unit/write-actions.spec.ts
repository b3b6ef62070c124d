import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { ConflictError, Default, Mutate, PrimaryKey, Table, Version, type CreationOptional } from "../../lib/core/index.js";
import { markPersisted } from "../../lib/core/instance/instance-state.js";
import { requireModelMetadata } from "../../lib/core/metadata/registry.js";
import { buildConditionCheckAction } from "../../lib/core/write/condition-check.js";
import { buildInsertAction, prepareInsert } from "../../lib/core/write/insert-instance.js";
import { renderAction } from "../../lib/core/write/render-action.js";
import { buildSaveAction, prepareSave } from "../../lib/core/write/save-instance.js";

class Note extends Table<Note> {
  @PrimaryKey() declare id: string;
  @Mutate((value: string) => value.trim()) declare title: string;
  @Default(0) declare views: CreationOptional<number>;
  @Version() declare version: CreationOptional<number>;
}

const model = () => requireModelMetadata(Note);

/** Builders return data and change nothing; renderAction is the one place expressions are written. */
describe("write actions (pure builders, one renderer)", () => {
  it("prepareInsert fills defaults, the version and mutators; buildInsertAction then leaves the instance alone", () => {
    const note = new Note({ id: "n1", title: "  Hello " });
    prepareInsert(model(), note as never);
    expect({ ...note }).toEqual({ id: "n1", title: "Hello", views: 0, version: 1 });
    const before = JSON.stringify(note);
    const action = buildInsertAction(model(), note as never);
    expect(JSON.stringify(note)).toBe(before);
    expect(action).toMatchObject({
      kind: "Put",
      table: "notes",
      key: { id: "n1" },
      item: { id: "n1", title: "Hello", views: 0, version: 1 },
      conditions: [{ column: "id", op: "=", value: null }],
    });
  });

  it("an insert renders to a Put that never overwrites, names and values through placeholders", () => {
    const note = new Note({ id: "n2", title: "x" });
    prepareInsert(model(), note as never);
    expect(renderAction(buildInsertAction(model(), note as never))).toEqual({
      TableName: "notes",
      Item: { id: "n2", title: "x", views: 0, version: 1 },
      ConditionExpression: "attribute_not_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "id" },
    });
  });

  it("a save of a stored instance is an Update of the changed attributes, checking and raising the version", () => {
    const note = new Note({ id: "n3", title: "old", views: 2, version: 4 });
    markPersisted(note, { id: "n3", title: "old", views: 2, version: 4 });
    note.title = " new ";
    expect(prepareSave(model(), note)).toBe(true);
    expect(note.title).toBe("new");
    const action = buildSaveAction(model(), note)!;
    expect(note.version).toBe(4); // only the commit moves the instance's version
    expect(action.update).toEqual({ set: { title: "new", version: 5 }, remove: [], add: {} });
    expect(renderAction(action)).toEqual({
      TableName: "notes",
      Key: { id: "n3" },
      UpdateExpression: "SET #n0 = :v0, #n1 = :v1",
      ConditionExpression: "(attribute_exists(#n2)) AND (#n1 = :v2)",
      ExpressionAttributeNames: { "#n0": "title", "#n1": "version", "#n2": "id" },
      ExpressionAttributeValues: { ":v0": "new", ":v1": 5, ":v2": 4 },
    });
  });

  it("nothing changed: prepareSave says so and touches nothing", () => {
    const note = new Note({ id: "n4", title: "same", views: 0, version: 1 });
    markPersisted(note, { id: "n4", title: "same", views: 0, version: 1 });
    expect(prepareSave(model(), note)).toBe(false);
    expect(buildSaveAction(model(), note)).toBeUndefined();
  });

  it("a condition check renders row existence AND the filters; a failed one is a ConflictError naming the key", () => {
    const action = buildConditionCheckAction(model(), { id: "n5" }, { views: { ">=": 2 }, title: ["a", "b"] });
    expect(renderAction(action)).toEqual({
      TableName: "notes",
      Key: { id: "n5" },
      ConditionExpression: "(attribute_exists(#n0)) AND (#n1 >= :v0) AND (#n2 IN (:v1, :v2))",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "views", "#n2": "title" },
      ExpressionAttributeValues: { ":v0": 2, ":v1": "a", ":v2": "b" },
    });
    const error = action.onConditionFailed(undefined);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Note with key id="n5"/);
  });
});

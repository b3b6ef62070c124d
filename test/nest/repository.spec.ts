import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import {
  DeleteAt,
  Dynamite,
  DynamiteModule,
  getTableToken,
  IndexSort,
  PrimaryKey,
  Table,
  TableRepository,
} from "../../lib/index.js";
import { recordRequests } from "../helpers/request-recorder.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { User } from "./src/models.js";
import { UsersModule } from "./src/users.module.js";

class Note extends Table<Note> {
  @PrimaryKey() declare board: string;
  @IndexSort({ type: Number }) declare position: number;
  declare text: string;
  @DeleteAt() declare deletedAt?: string;
}

describe("TableRepository (forFeature + @InjectTable)", () => {
  let app: INestApplication;
  let notes: TableRepository<Note>;

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), DynamiteModule.forFeature([Note])]);
    notes = app.get(getTableToken(Note));
  });
  afterAll(() => app?.close());

  it("is bound to the model and its connection", () => {
    expect(notes).toBeInstanceOf(TableRepository);
    expect(notes.model).toBe(Note);
    expect(notes.connection).toBe(app.get(Dynamite));
  });

  it("create, createMany, where, first, last and count go to the model's table", async () => {
    await notes.create({ board: "a", position: 1, text: "one" });
    await notes.createMany([
      { board: "a", position: 2, text: "two" },
      { board: "a", position: 3, text: "three" },
    ]);
    expect((await notes.where("board", "a")).map((n) => n.position)).toEqual([1, 2, 3]);
    expect((await notes.where("position", ">", 1)).map((n) => n.text).sort()).toEqual(["three", "two"]);
    expect((await notes.first({ board: "a" }))?.text).toBe("one");
    expect((await notes.last({ board: "a" }))?.text).toBe("three");
    expect(await notes.count({ board: "a" })).toBe(3);
  });

  it("findMany by keys reads with one BatchGetItem", async () => {
    const recorder = recordRequests(notes.connection.getClient());
    const found = await notes.findMany([
      { board: "a", position: 3 },
      { board: "a", position: 1 },
    ]);
    recorder.stop();
    expect(found.map((n) => n.position)).toEqual([3, 1]);
    expect(recorder.commands()).toEqual(["BatchGetItemCommand"]);
  });

  it("paginate walks the rows with an opaque cursor", async () => {
    const first = await notes.paginate({ board: "a" }, { limit: 2 });
    const second = await notes.paginate({ board: "a" }, { limit: 2, cursor: first.cursor });
    expect([...first.items, ...second.items].map((n) => n.position)).toEqual([1, 2, 3]);
    expect(second.cursor).toBeUndefined();
  });

  it("explain shows a Query on the partition key without sending anything", () => {
    expect(notes.explain({ board: "a" })).toMatchObject({ operation: "Query", table: "notes" });
  });

  it("update and delete return counts; soft-deleted rows show in withTrashed/onlyTrashed only", async () => {
    expect(await notes.update({ text: "TWO" }, { board: "a", position: 2 })).toBe(1);
    expect(await notes.delete({ board: "a", position: 3 })).toBe(1);
    expect((await notes.where({ board: "a" })).map((n) => n.text)).toEqual(["one", "TWO"]);
    expect((await notes.withTrashed({ board: "a" })).map((n) => n.position)).toEqual([1, 2, 3]);
    expect((await notes.onlyTrashed({ board: "a" })).map((n) => n.position)).toEqual([3]);
  });

  it("is fully typed: npm run typecheck fails if the @ts-expect-error lines below compile", () => {
    const usage = (repo: TableRepository<Note>): Promise<Note | undefined> => {
      // @ts-expect-error `text` is required by create()
      void repo.create({ board: "b", position: 1 });
      // @ts-expect-error `title` is not an attribute of Note
      void repo.where("title", "x");
      return repo.first({ board: "b" });
    };
    expect(usage).toBeInstanceOf(Function);
  });
});

describe("overrideProvider(getTableToken(User))", () => {
  it("replaces the repository the app injects", async () => {
    const fake = { first: async ({ id }: { id: string }) => new User({ id, email: "fake@example.com" }) };
    const app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), UsersModule], (builder) =>
      builder.overrideProvider(getTableToken(User)).useValue(fake),
    );
    await request(app.getHttpServer()).get("/users/u1").expect(200, { id: "u1", email: "fake@example.com" });
    await app.close();
  });
});

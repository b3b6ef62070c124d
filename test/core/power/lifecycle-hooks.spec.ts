import "reflect-metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  AfterCreate,
  AfterDestroy,
  AfterUpdate,
  BeforeCreate,
  BeforeDestroy,
  BeforeUpdate,
  PrimaryKey,
  Table,
  type Dynamite,
} from "../../../lib/core/index.js";
import { createTestDynamite } from "../../helpers/test-dynamite.js";
import { recordRequests } from "../../helpers/request-recorder.js";

const log: string[] = [];

class Audited extends Table<Audited> {
  @BeforeCreate() baseBeforeCreate() {
    log.push(`base:beforeCreate:${String((this as unknown as { id: string }).id)}`);
  }
}

class Post extends Table<Post> {
  @PrimaryKey() declare id: string;
  declare title: string;
  declare slug?: string;
  declare group?: string;

  @BeforeCreate() async makeSlug() {
    await Promise.resolve();
    this.slug = this.title.toLowerCase().replaceAll(" ", "-");
    log.push(`beforeCreate:${this.id}`);
  }
  @AfterCreate() created() {
    log.push(`afterCreate:${this.id}`);
  }
  @BeforeUpdate() beforeUpdate(changes: Record<string, unknown>) {
    log.push(`beforeUpdate:${this.id}:${Object.keys(changes).sort().join(",")}`);
    if ("title" in changes) this.slug = String(changes.title).toLowerCase().replaceAll(" ", "-");
  }
  @AfterUpdate() afterUpdate(changes: Record<string, unknown>) {
    log.push(`afterUpdate:${this.id}:${Object.keys(changes).sort().join(",")}`);
  }
  @BeforeDestroy() beforeDestroy() {
    if (this.title === "keep") throw new Error("this post is protected");
    log.push(`beforeDestroy:${this.id}`);
  }
  @AfterDestroy() afterDestroy() {
    log.push(`afterDestroy:${this.id}`);
  }
}

class Article extends Audited {
  @PrimaryKey() declare id: string;
  @BeforeCreate() first() {
    log.push(`child:first:${this.id}`);
  }
  @BeforeCreate() second() {
    log.push(`child:second:${this.id}`);
  }
}

class Guarded extends Table<Guarded> {
  @PrimaryKey() declare id: string;
  @BeforeCreate() refuse() {
    throw new Error("no creates today");
  }
}

describe("lifecycle hooks", () => {
  let dynamite: Dynamite;

  beforeAll(async () => {
    dynamite = await createTestDynamite([Post, Article, Guarded]);
  });
  afterAll(() => dynamite.disconnect());
  beforeEach(() => {
    log.length = 0;
  });

  it("a before-create hook may change the instance and the change is persisted; after-create runs after the write", async () => {
    await Post.create({ id: "p1", title: "Hello World" });
    expect(log).toEqual(["beforeCreate:p1", "afterCreate:p1"]);
    expect((await Post.first({ id: "p1" }))?.slug).toBe("hello-world");
  });

  it("several hooks run in declaration order, inherited ones first", async () => {
    await Article.create({ id: "a1" });
    expect(log).toEqual(["base:beforeCreate:a1", "child:first:a1", "child:second:a1"]);
  });

  it("a before-hook that throws writes nothing (no request is sent)", async () => {
    const recorder = recordRequests(dynamite.getClient());
    await expect(Guarded.create({ id: "g1" })).rejects.toThrow("no creates today");
    recorder.stop();
    expect(recorder.requests).toHaveLength(0);
    expect(await Guarded.first({ id: "g1" })).toBeUndefined();
  });

  it("before-update receives the changed attributes and may change more; after-update sees them too", async () => {
    const post = await Post.create({ id: "p2", title: "Old" });
    log.length = 0;
    await post.update({ title: "New Title" });
    expect(log).toEqual(["beforeUpdate:p2:title", "afterUpdate:p2:slug,title"]);
    expect(await Post.first({ id: "p2" })).toMatchObject({ title: "New Title", slug: "new-title" });
  });

  it("a save that changes nothing runs no hook and sends nothing", async () => {
    const post = await Post.create({ id: "p3", title: "Same" });
    log.length = 0;
    await post.save();
    expect(log).toEqual([]);
  });

  it("before-destroy may refuse a destroy: nothing deleted", async () => {
    const keep = await Post.create({ id: "p4", title: "keep" });
    await expect(keep.destroy()).rejects.toThrow("protected");
    expect(await Post.first({ id: "p4" })).toBeDefined();
    const gone = await Post.create({ id: "p5", title: "gone" });
    log.length = 0;
    await gone.destroy();
    expect(log).toEqual(["beforeDestroy:p5", "afterDestroy:p5"]);
  });

  it("{ hooks: false } turns every hook off for that call", async () => {
    const post = await Post.create({ id: "p6", title: "Quiet Post" }, { hooks: false });
    await post.update({ title: "Still Quiet" }, { hooks: false });
    await post.destroy({ hooks: false });
    expect(log).toEqual([]);
    expect(post.slug).toBeUndefined();
  });

  it("in a transaction, after-hooks run only after the commit, and never when it fails", async () => {
    let seenInside: string[] = [];
    await dynamite.tx(async () => {
      await Post.create({ id: "t1", title: "In Tx" });
      seenInside = [...log];
    });
    expect(seenInside).toEqual(["beforeCreate:t1"]);
    expect(log).toEqual(["beforeCreate:t1", "afterCreate:t1"]);

    log.length = 0;
    await expect(
      dynamite.tx(async () => {
        await Post.create({ id: "t2", title: "Doomed" });
        await Post.create({ id: "t1", title: "Duplicate" }); // the commit is cancelled
      }),
    ).rejects.toThrow();
    expect(log).toEqual(["beforeCreate:t2", "beforeCreate:t1"]);
  });

  it("static update() and delete() run the hooks once per row", async () => {
    await Post.createMany([
      { id: "s1", title: "A", group: "g" },
      { id: "s2", title: "B", group: "g" },
    ]);
    log.length = 0;
    expect(await Post.update({ title: "Renamed" }, { group: "g" })).toBe(2);
    expect(log.filter((entry) => entry.startsWith("beforeUpdate")).sort()).toEqual([
      "beforeUpdate:s1:title",
      "beforeUpdate:s2:title",
    ]);
    expect(log.filter((entry) => entry.startsWith("afterUpdate"))).toHaveLength(2);
    log.length = 0;
    expect(await Post.delete({ group: "g" })).toBe(2);
    expect(log.sort()).toEqual(["afterDestroy:s1", "afterDestroy:s2", "beforeDestroy:s1", "beforeDestroy:s2"]);
  });

  it("createMany() runs the create hooks once per row", async () => {
    const posts = await Post.createMany([
      { id: "m1", title: "Many One" },
      { id: "m2", title: "Many Two" },
    ]);
    expect(log).toEqual(["beforeCreate:m1", "beforeCreate:m2", "afterCreate:m1", "afterCreate:m2"]);
    expect(posts.map((post) => post.slug)).toEqual(["many-one", "many-two"]);
    expect((await Post.first({ id: "m2" }))?.slug).toBe("many-two");
  });
});

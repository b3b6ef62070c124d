import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { HasMany, PrimaryKey, Table, type NonAttribute } from "../../../lib/core/index.js";
import { useTestDatabase } from "../../helpers/use-test-database.js";

class Author extends Table<Author> {
  @PrimaryKey() declare id: string;
  @HasMany(() => Post, "author_id") declare posts: NonAttribute<Post[]>;
}

class Post extends Table<Post> {
  @PrimaryKey() declare id: string;
  declare author_id: string;
}

const AUTHORS = Array.from({ length: 120 }, (_, i) => `a${String(i).padStart(3, "0")}`);

describe("includes: requests in flight", () => {
  const db = useTestDatabase([Author, Post], async () => {
    await Author.createMany(AUTHORS.map((id) => ({ id })));
    await Post.createMany(AUTHORS.map((id) => ({ id: `p-${id}`, author_id: id })));
  });

  /** The most Queries the client had in flight at once while `read` ran. */
  async function peakQueries(read: () => Promise<unknown>): Promise<number> {
    let inFlight = 0;
    let peak = 0;
    const client = db.dynamite.getClient();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== "QueryCommand") return next(args);
        peak = Math.max(peak, ++inFlight);
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: "initialize", name: "peakQueries" },
    );
    try {
      await read();
    } finally {
      client.middlewareStack.remove("peakQueries");
    }
    return peak;
  }

  it("by default keeps up to 50 Queries in flight (the SDK's socket pool), not one at a time and never more", async () => {
    let authors: Author[] = [];
    const peak = await peakQueries(async () => {
      authors = await Author.where({ id: AUTHORS }, { include: ["posts"] });
    });
    expect(authors).toHaveLength(120);
    expect(authors.every((author) => author.posts.map((post) => post.id).join() === `p-${author.id}`)).toBe(true);
    expect(db.recorder.count("QueryCommand")).toBe(120);
    expect(peak).toBeGreaterThan(16); // the old default
    expect(peak).toBeLessThanOrEqual(50);
  });
});

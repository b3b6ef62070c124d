import {
  CreatedAt,
  Default,
  DeleteAt,
  HasMany,
  IndexSort,
  Mutate,
  Name,
  NotNull,
  PrimaryKey,
  Serialize,
  Table,
  UpdatedAt,
  Validate,
  type CreationOptional,
  type NonAttribute,
} from "../../../lib/core/index.js";

/** A model that uses every column decorator. */
export class Member extends Table<Member> {
  @PrimaryKey() @Default(() => crypto.randomUUID()) declare id: CreationOptional<string>;
  @NotNull()
  @Mutate((v: string) => v.trim().toLowerCase())
  @Validate((v) => String(v).includes("@") || "must contain @")
  declare email: string;
  declare name?: string;
  @Default("member") declare role: CreationOptional<string>;
  @Default(0) declare score: CreationOptional<number>;
  @Name("nick_name") declare nickname?: string;
  @Serialize((stored: string) => stored.split(","), (tags: string[]) => tags.join(",")) declare tags?: string[];
  @Validate([(v) => Number(v) >= 0 || "must be >= 0", (v) => Number(v) < 150 || "must be < 150"]) declare age?: number;
  @CreatedAt() declare createdAt: CreationOptional<string>;
  @UpdatedAt() declare updatedAt: CreationOptional<string>;
  @DeleteAt() declare deletedAt?: string;
  @HasMany(() => Post, "member_id") declare posts: NonAttribute<Post[]>;
}

@Name("blog_posts")
export class Post extends Table<Post> {
  @PrimaryKey() @Default(() => crypto.randomUUID()) declare id: CreationOptional<string>;
  @NotNull() declare member_id: string;
  declare title: string;
}

/** Composite key: partition + sort, no soft delete. */
export class Reading extends Table<Reading> {
  @PrimaryKey() declare sensor: string;
  @IndexSort({ type: Number }) declare at: number;
  declare value: number;
  declare status?: string;
  declare meta?: { tags: string[] };
}

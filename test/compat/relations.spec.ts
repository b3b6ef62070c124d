import { describe, expect, it } from "@jest/globals";
import { DescribeTableCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import {
  BelongsTo,
  ConfigError,
  Default,
  ManyToMany,
  PrimaryKey,
  Table,
  ValidationError,
  type CreationOptional,
  type NonAttribute,
} from "../../lib/core/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

class Worker extends Table<Worker> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("") declare name: CreationOptional<string>;
  @Default("") declare team_id: CreationOptional<string>;
  @ManyToMany(() => Job, "worker_jobs", "worker_id", "job_id") declare jobs: NonAttribute<Job[]>;
  // the original's argument order: (target, target's key, this model's attribute)
  @BelongsTo(() => Team, "id", "team_id") declare team: NonAttribute<Team>;
}

class Job extends Table<Job> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("") declare title: CreationOptional<string>;
  @ManyToMany(() => Worker, "worker_jobs", "job_id", "worker_id") declare workers: NonAttribute<Worker[]>;
}

class Team extends Table<Team> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("") declare label: CreationOptional<string>;
  // our order: (target, this model's attribute, target's key)
  @BelongsTo(() => Team, "parent_id") declare parent: NonAttribute<Team>;
  @Default("") declare parent_id: CreationOptional<string>;
}

/** Both readings fit: `id` is Node's key and `parent_id` an attribute of both (it is one model). */
class Node extends Table<Node> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @Default("") declare parent_id: CreationOptional<string>;
  @BelongsTo(() => Node, "id", "parent_id") declare parent: NonAttribute<Node>;
}

/** Two relations to one class: passing the class cannot tell them apart. */
class Crew extends Table<Crew> {
  @PrimaryKey() declare id: CreationOptional<string>;
  @ManyToMany(() => Job, "crew_leads", "crew_id", "job_id") declare leads: NonAttribute<Job[]>;
  @ManyToMany(() => Job, "crew_backups", "crew_id", "job_id") declare backups: NonAttribute<Job[]>;
}

describe("compat: attach/detach/sync by class, named pivot tables, @BelongsTo argument order", () => {
  const db = useTestDatabase([Worker, Job, Team, Node, Crew]);
  const titles = (jobs?: Job[]) => (jobs ?? []).map((j) => j.title).sort();

  it("sync() creates each named pivot table: key id (S), one GSI <attribute>_index per pivot attribute", async () => {
    const { Table: table } = await db.dynamite.getClient().send(new DescribeTableCommand({ TableName: "worker_jobs" }));
    expect(table?.KeySchema).toEqual([{ AttributeName: "id", KeyType: "HASH" }]);
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(["job_id_index", "worker_id_index"]);
    const names = new Set(db.dynamite.getTables().map((t) => t.name));
    expect(names.has("Pivot(worker_jobs)") && names.has("Pivot(crew_leads)")).toBe(true);
  });

  it("attach(Class, id), detach(Class, id), sync(Class, [ids]) change the links, seen from both sides", async () => {
    const worker = await Worker.create({ name: "ann" });
    const [a, b, c] = [await Job.create({ title: "a" }), await Job.create({ title: "b" }), await Job.create({ title: "c" })];
    expect(await worker.attach(Job, a.id)).toEqual({ attached: [a.id], detached: [] });
    await worker.attach(Job, [b.id, a.id]);
    const load = async () => (await Worker.first({ id: worker.id }, { include: { jobs: true } }))!.jobs;
    expect(titles(await load())).toEqual(["a", "b"]);
    expect((await Job.first({ id: a.id }, { include: { workers: true } }))!.workers.map((w) => w.name)).toEqual(["ann"]);
    await worker.detach(Job, b.id);
    expect(titles(await load())).toEqual(["a"]);
    expect(await worker.sync(Job, [c.id])).toEqual({ attached: [c.id], detached: [a.id] });
    expect(titles(await load())).toEqual(["c"]);
    await worker.sync("jobs", [a.id, c.id]);
    expect(titles(await load())).toEqual(["a", "c"]);
  });

  it("linking from either side is the same pivot row (id = both keys in attribute-name order)", async () => {
    const worker = await Worker.create({ name: "bo" });
    const job = await Job.create({ title: "shared" });
    await job.attach(Worker, worker.id);
    expect(await worker.attach(Job, job.id)).toEqual({ attached: [], detached: [] });
    const { Items } = await db.dynamite.getClient().send(
      new ScanCommand({
        TableName: "worker_jobs",
        FilterExpression: "worker_id = :w",
        ExpressionAttributeValues: { ":w": { S: worker.id } },
      }),
    );
    expect(Items).toEqual([{ id: { S: `${job.id}_${worker.id}` }, job_id: { S: job.id }, worker_id: { S: worker.id } }]);
  });

  it("a class that is the target of two relations must be named; an unrelated class is refused", async () => {
    const crew = await Crew.create({});
    await expect(crew.attach(Job, "x")).rejects.toThrow(/several @ManyToMany relations \(leads, backups\)/);
    await expect(crew.attach(Team, "x")).rejects.toBeInstanceOf(ValidationError);
    db.recorder.reset();
    await crew.attach("leads", "j1");
    expect(db.recorder.commands()).toEqual(["QueryCommand", "PutItemCommand"]);
    expect(db.recorder.requests[0].input.IndexName).toBe("crew_id_index");
  });

  it("@ManyToMany with a table name but one attribute is a ConfigError at declaration", () => {
    expect(() => {
      class Bad extends Table<Bad> {
        @PrimaryKey() declare id: string;
        @ManyToMany(() => Job, "bad_jobs" as never, "bad_id" as never) declare jobs: NonAttribute<Job[]>;
      }
      return Bad;
    }).toThrow(ConfigError);
  });

  it("@BelongsTo(() => Team, 'id', 'team_id') reads the original order: Worker.team_id holds Team.id", async () => {
    const team = await Team.create({ label: "core" });
    const worker = await Worker.create({ name: "cy", team_id: team.id });
    expect((await Worker.first({ id: worker.id }, { include: { team: true } }))!.team.label).toBe("core");
    const child = await Team.create({ label: "child", parent_id: team.id });
    expect((await Team.first({ id: child.id }, { include: { parent: true } }))!.parent.label).toBe("core");
  });

  it("when both readings fit, the include is refused with a ConfigError naming both", async () => {
    const error = await Node.where({}, { include: { parent: true } }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/Node\.id holds Node\.parent_id \(localKey, foreignKey\)/);
    expect(error.message).toMatch(/Node\.parent_id holds Node\.id \(targetKey, localKey/);
  });
});

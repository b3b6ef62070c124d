import { expect } from "@jest/globals";
import fc from "fast-check";
import { ConflictError, DynamiteError, NotFoundError, ValidationError } from "../../../lib/core/index.js";
import { expectTableMatches, Ledger, outcome, storedNote, type LedgerModel, type LedgerReal } from "./ledger-model.js";

type Command = fc.AsyncCommand<LedgerModel, LedgerReal>;
const ids = fc.constantFrom("a", "b", "c");
const notes = fc.constantFrom<string | null>("x", "y", null);
const amounts = fc.integer({ min: -5, max: 5 });

/** Every command checks its own outcome, then the whole partition against the model. */
abstract class LedgerCommand implements Command {
  check(_model: Readonly<LedgerModel>): boolean {
    return true;
  }
  abstract apply(model: LedgerModel, real: LedgerReal): Promise<void>;
  async run(model: LedgerModel, real: LedgerReal): Promise<void> {
    await this.apply(model, real);
    await expectTableMatches(model, real);
  }
  abstract toString(): string;
}

/** A write through an instance: refused with NotFoundError (instance dropped) when its row is gone. */
abstract class InstanceCommand extends LedgerCommand {
  constructor(readonly id: string) {
    super();
  }
  override check(model: Readonly<LedgerModel>): boolean {
    return model.instances.has(this.id);
  }
  protected expectMissing(result: { ok: boolean; error?: unknown }, model: LedgerModel, real: LedgerReal): void {
    expect(result.ok).toBe(false);
    expect((result as { error: unknown }).error).toBeInstanceOf(NotFoundError);
    model.instances.delete(this.id);
    real.instances.delete(this.id);
  }
}

class Create extends LedgerCommand {
  constructor(
    readonly id: string,
    readonly balance: number,
    readonly note: string | null,
  ) {
    super();
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const result = await outcome(() => Ledger.create({ run: real.run, id: this.id, balance: this.balance, note: this.note }));
    if (model.rows.has(this.id)) {
      expect(result.ok ? "created" : result.error).toBeInstanceOf(ConflictError);
      return;
    }
    expect(result.ok).toBe(true);
    const row = { balance: this.balance, note: storedNote(this.note), deleted: false };
    model.rows.set(this.id, row);
    model.instances.set(this.id, { ...row });
    real.instances.set(this.id, (result as { value: Ledger }).value);
  }
  toString() {
    return `create(${this.id}, ${this.balance}, ${this.note})`;
  }
}

class Load extends LedgerCommand {
  constructor(readonly id: string) {
    super();
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const [row] = await Ledger.withTrashed({ run: real.run, id: this.id });
    expect(row !== undefined).toBe(model.rows.has(this.id));
    if (!row) return;
    model.instances.set(this.id, { ...model.rows.get(this.id)! });
    real.instances.set(this.id, row);
  }
  toString() {
    return `load(${this.id})`;
  }
}

/** `instance.note = …; save()` or `instance.update({ balance })`: only a changed attribute is sent. */
class MutateSave extends InstanceCommand {
  constructor(
    id: string,
    readonly change: { note: string | null } | { balance: number },
    readonly viaUpdate: boolean,
  ) {
    super(id);
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const instance = real.instances.get(this.id)!;
    const view = model.instances.get(this.id)!;
    const patch = "note" in this.change ? { note: storedNote(this.change.note) } : { balance: this.change.balance };
    const changed = Object.entries(patch).some(([name, value]) => view[name as "note" | "balance"] !== value);
    const result = await outcome(() =>
      this.viaUpdate ? instance.update(this.change) : (Object.assign(instance, this.change), instance.save()),
    );
    if (!changed) return expect(result.ok).toBe(true);
    const row = model.rows.get(this.id);
    if (!row) return this.expectMissing(result, model, real);
    expect(result.ok).toBe(true);
    Object.assign(row, patch);
    Object.assign(view, patch);
  }
  toString() {
    return `${this.viaUpdate ? "instance.update" : "mutate+save"}(${this.id}, ${JSON.stringify(this.change)})`;
  }
}

class Increment extends InstanceCommand {
  constructor(
    id: string,
    readonly by: number,
  ) {
    super(id);
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const result = await outcome(() => real.instances.get(this.id)!.increment("balance", this.by));
    const row = model.rows.get(this.id);
    if (!row) return this.expectMissing(result, model, real);
    expect(result.ok).toBe(true);
    row.balance += this.by;
    model.instances.get(this.id)!.balance = row.balance;
    expect(real.instances.get(this.id)!.balance).toBe(row.balance);
  }
  toString() {
    return `increment(${this.id}, ${this.by})`;
  }
}

/** destroy() (soft), restore(), forceDestroy() on an instance. */
class Lifecycle extends InstanceCommand {
  constructor(
    id: string,
    readonly action: "destroy" | "restore" | "forceDestroy",
  ) {
    super(id);
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const instance = real.instances.get(this.id)!;
    const result = await outcome(async () => {
      await instance[this.action]();
    });
    const row = model.rows.get(this.id);
    if (this.action === "forceDestroy") {
      // a hard delete of a row that is already gone changes nothing; it may say so (NotFoundError) or not
      if (!result.ok) expect(!row && result.error instanceof NotFoundError).toBe(true);
      model.rows.delete(this.id);
      model.instances.delete(this.id);
      real.instances.delete(this.id);
      return;
    }
    if (!row) return this.expectMissing(result, model, real);
    expect(result.ok).toBe(true);
    row.deleted = this.action === "destroy";
    model.instances.get(this.id)!.deleted = row.deleted;
  }
  toString() {
    return `${this.action}(${this.id})`;
  }
}

/** Model.update(patch, key) and Model.delete(key): count 1 for a live row, 0 for a missing or soft-deleted one. */
class StaticWrite extends LedgerCommand {
  constructor(
    readonly id: string,
    readonly note: string | null | "delete",
  ) {
    super();
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const key = { run: real.run, id: this.id };
    const note = this.note;
    const count = note === "delete" ? await Ledger.delete(key) : await Ledger.update({ note }, key);
    const row = model.rows.get(this.id);
    const live = row !== undefined && !row.deleted;
    expect(count).toBe(live ? 1 : 0);
    if (!live) return;
    if (note === "delete") row.deleted = true;
    else row.note = storedNote(note);
  }
  toString() {
    return this.note === "delete" ? `Ledger.delete(${this.id})` : `Ledger.update({ note: ${this.note} }, ${this.id})`;
  }
}

/** A transaction: create one row, update another, maybe increment a third, maybe throw at the end. */
class Transaction extends LedgerCommand {
  constructor(
    readonly created: string,
    readonly updated: string,
    readonly incremented: string | undefined,
    readonly throws: boolean,
  ) {
    super();
  }
  override check(model: Readonly<LedgerModel>) {
    return this.incremented === undefined || model.instances.has(this.incremented);
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const incremented = [this.created, this.updated].includes(this.incremented!) ? undefined : this.incremented;
    const result = await outcome(() =>
      real.dynamite.tx(async () => {
        await Ledger.create({ run: real.run, id: this.created, balance: 0 });
        await Ledger.update({ note: "tx" }, { run: real.run, id: this.updated });
        if (incremented) await real.instances.get(incremented)!.increment("balance", 1);
        if (this.throws) throw new Error("boom");
      }),
    );
    const target = model.rows.get(this.updated);
    const commits = !this.throws && !model.rows.has(this.created) && (!incremented || model.rows.has(incremented));
    if (!commits) {
      expect(result.ok).toBe(false);
      if (!this.throws) expect((result as { error: unknown }).error).toBeInstanceOf(DynamiteError);
      if (incremented) {
        model.instances.delete(incremented);
        real.instances.delete(incremented);
      }
      return;
    }
    expect(result.ok).toBe(true);
    if (target && !target.deleted && this.updated !== this.created) target.note = "tx";
    model.rows.set(this.created, { balance: 0, deleted: false });
    if (incremented) {
      model.rows.get(incremented)!.balance += 1;
      model.instances.get(incremented)!.balance = model.rows.get(incremented)!.balance;
    }
  }
  toString() {
    return `tx(create ${this.created}, update ${this.updated}${this.incremented ? `, increment ${this.incremented}` : ""}${this.throws ? ", throw" : ""})`;
  }
}

/** Reassigning a loaded instance's key and saving is refused before any request; the row is untouched. */
class ReassignKey extends InstanceCommand {
  constructor(
    id: string,
    readonly to: string,
    readonly viaUpdate: boolean,
  ) {
    super(id);
  }
  async apply(_model: LedgerModel, real: LedgerReal) {
    const instance = real.instances.get(this.id)!;
    const result = await outcome(() =>
      this.viaUpdate ? instance.update({ id: this.to, note: "moved" }) : ((instance.id = this.to), instance.save()),
    );
    expect(result.ok ? "saved" : result.error).toBeInstanceOf(ValidationError);
    instance.id = this.id;
    if (this.viaUpdate) instance.note = _model.instances.get(this.id)!.note ?? null;
  }
  override check(model: Readonly<LedgerModel>) {
    return model.instances.has(this.id) && this.to !== this.id;
  }
  toString() {
    return `reassign key ${this.id} → ${this.to} (${this.viaUpdate ? "update" : "save"})`;
  }
}

/** Two writes at once on one row. */
class ConcurrentPair extends LedgerCommand {
  constructor(
    readonly id: string,
    readonly kind: "creates" | "staticUpdates" | "increments",
    readonly a: number,
    readonly b: number,
  ) {
    super();
  }
  override check(model: Readonly<LedgerModel>) {
    return this.kind !== "increments" || model.instances.has(this.id);
  }
  async apply(model: LedgerModel, real: LedgerReal) {
    const key = { run: real.run, id: this.id };
    const row = model.rows.get(this.id);
    if (this.kind === "creates") {
      const results = await Promise.allSettled([this.a, this.b].map((balance) => Ledger.create({ ...key, balance })));
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [[this.a, this.b][i]] : []));
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
      expect(won).toHaveLength(row ? 0 : 1);
      if (!row) model.rows.set(this.id, { balance: won[0], deleted: false });
    } else if (this.kind === "staticUpdates") {
      const counts = await Promise.all([Ledger.update({ balance: this.a }, key), Ledger.update({ note: `n${this.b}` }, key)]);
      const live = row !== undefined && !row.deleted;
      expect(counts).toEqual(live ? [1, 1] : [0, 0]);
      if (live) Object.assign(row, { balance: this.a, note: `n${this.b}` });
    } else {
      const instance = real.instances.get(this.id)!;
      const results = await Promise.allSettled([instance.increment("balance", this.a), instance.increment("balance", this.b)]);
      if (!row) {
        for (const r of results) expect(r.status === "rejected" && r.reason instanceof NotFoundError).toBe(true);
        model.instances.delete(this.id);
        real.instances.delete(this.id);
        return;
      }
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      row.balance += this.a + this.b;
      model.instances.get(this.id)!.balance = row.balance;
    }
  }
  toString() {
    return `concurrent ${this.kind}(${this.id}, ${this.a}, ${this.b})`;
  }
}

/** Every command, with arbitrary arguments. */
export const ledgerCommands: Array<fc.Arbitrary<Command>> = [
  fc.tuple(ids, amounts, notes).map(([id, balance, note]) => new Create(id, balance, note)),
  ids.map((id) => new Load(id)),
  fc
    .tuple(
      ids,
      fc.oneof(
        notes.map((note) => ({ note })),
        amounts.map((balance) => ({ balance })),
      ),
      fc.boolean(),
    )
    .map(([id, change, viaUpdate]) => new MutateSave(id, change, viaUpdate)),
  fc.tuple(ids, amounts).map(([id, by]) => new Increment(id, by)),
  fc
    .tuple(ids, fc.constantFrom<"destroy" | "restore" | "forceDestroy">("destroy", "restore", "forceDestroy"))
    .map(([id, action]) => new Lifecycle(id, action)),
  fc.tuple(ids, fc.oneof(notes, fc.constant<"delete">("delete"))).map(([id, note]) => new StaticWrite(id, note)),
  fc
    .tuple(ids, ids, fc.option(ids, { nil: undefined }), fc.boolean())
    .map(([created, updated, incremented, throws]) => new Transaction(created, updated, incremented, throws)),
  fc.tuple(ids, ids, fc.boolean()).map(([id, to, viaUpdate]) => new ReassignKey(id, to, viaUpdate)),
  fc
    .tuple(
      ids,
      fc.constantFrom<"creates" | "staticUpdates" | "increments">("creates", "staticUpdates", "increments"),
      amounts,
      amounts,
    )
    .map(([id, kind, a, b]) => new ConcurrentPair(id, kind, a, b)),
];

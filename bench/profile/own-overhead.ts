/**
 * A development aid: the CPU time of nestjs-dynamite's own code per operation, without the SDK.
 * Each scenario runs once for real (in-memory handler) while the document client's `send` records
 * every response; then `send` replays those responses instantly, so what is left per operation is
 * planning, validation, building inputs, hydration and bookkeeping. Steady under machine load,
 * unlike the bench's ratios, so it shows whether a change made our code cheaper.
 *
 *   node dist/bench/bench/profile/own-overhead.js [scenario,...] [ms per scenario]
 */
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDynamiteContender } from "../contenders/dynamite.js";
import { SCENARIOS, type ScenarioId } from "../types.js";
import { createCpuEnv, runScript } from "./cpu-env.js";

type Send = (command: { constructor: { name: string }; input: Record<string, unknown> }) => Promise<unknown>;

async function main(): Promise<void> {
  const [list = SCENARIOS.map((s) => s.id).join(","), msArg = "1500"] = process.argv.slice(2);
  const realSend = DynamoDBDocumentClient.prototype.send as unknown as Send;
  const recorded = new Map<string, unknown>();
  let replay = false;
  const keyOf = (command: Parameters<Send>[0]) =>
    `${command.constructor.name} ${String(command.input.TableName ?? Object.keys((command.input.RequestItems as object) ?? {}).join())}`;
  (DynamoDBDocumentClient.prototype as unknown as { send: Send }).send = async function (this: unknown, command) {
    if (replay && recorded.has(keyOf(command))) return recorded.get(keyOf(command));
    const output = await realSend.call(this, command);
    recorded.set(keyOf(command), output);
    return output;
  };
  const { env, raw } = await createCpuEnv();
  const ours = await createDynamiteContender(env);
  let iteration = 0;
  for (const scenario of list.split(",") as ScenarioId[]) {
    const op = ours.ops[scenario]!;
    replay = false;
    recorded.clear();
    await ours.prepare?.[scenario]?.();
    await op(iteration++);
    replay = true;
    const warmUntil = performance.now() + 300;
    while (performance.now() < warmUntil) await op(iteration++);
    const cpu = process.cpuUsage();
    const until = performance.now() + Number(msArg);
    let ops = 0;
    while (performance.now() < until) {
      await op(iteration++);
      ops++;
    }
    const used = process.cpuUsage(cpu);
    console.log(
      `${scenario.padEnd(12)} ${(((used.user + used.system) / ops) | 0).toString().padStart(7)} µs CPU of our own code per operation (${ops} ops)`,
    );
  }
  replay = false;
  await ours.close();
  await raw.close();
}

runScript(main);

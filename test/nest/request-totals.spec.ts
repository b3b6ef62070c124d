import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Controller, Get, Injectable, Module, type INestApplication } from "@nestjs/common";
import request from "supertest";
import { Dynamite, DynamiteModule, InjectDynamite, type RequestEvent, type RequestTotals } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { UsersModule } from "./src/users.module.js";

/** An app's own endpoint that reports what the DynamoDB requests cost so far, from the injected client. */
@Injectable()
class CostService {
  constructor(@InjectDynamite() private readonly dynamite: Dynamite) {}

  totals(): RequestTotals {
    return this.dynamite.requestTotals();
  }
}

@Controller("costs")
class CostController {
  constructor(private readonly costs: CostService) {}

  @Get()
  get(): RequestTotals {
    return this.costs.totals();
  }
}

@Module({ controllers: [CostController], providers: [CostService] })
class CostModule {}

describe("Nest: onRequest in forRoot options, requestTotals() from the injected client", () => {
  const events: RequestEvent[] = [];
  let app: INestApplication;

  beforeAll(async () => {
    app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0, onRequest: (event) => events.push(event) }),
      UsersModule,
      CostModule,
    ]);
  });
  afterAll(() => app?.close());

  it("requests made while serving HTTP reach the hook and the totals an endpoint returns", async () => {
    events.length = 0;
    const before = (await request(app.getHttpServer()).get("/costs").expect(200)).body as RequestTotals;
    const created = await request(app.getHttpServer()).post("/users").send({ email: "ada@example.com" }).expect(201);
    await request(app.getHttpServer()).get(`/users/${created.body.id}`).expect(200);
    expect(events.map((event) => `${event.operation} ${event.command}`)).toEqual(["User.create PutItem", "User.first GetItem"]);
    const after = (await request(app.getHttpServer()).get("/costs").expect(200)).body as RequestTotals;
    expect(after.User.requests - (before.User?.requests ?? 0)).toBe(2);
    expect(after.User.itemsRead - (before.User?.itemsRead ?? 0)).toBe(1);
    expect(after.User.consumedCapacity).toBeGreaterThan(before.User?.consumedCapacity ?? 0);
    expect(app.get(Dynamite).requestTotals()).toEqual(after);
  });
});

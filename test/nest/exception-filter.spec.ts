import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { INestApplication } from "@nestjs/common";
import request from "supertest";
import { DynamiteModule } from "../../lib/index.js";
import { testClientConfig } from "../helpers/test-dynamite.js";
import { bootApp } from "./src/boot.js";
import { ErrorsModule } from "./src/errors.controller.js";
import { UsersModule } from "./src/users.module.js";

describe("DynamiteExceptionFilter", () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await bootApp([DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0 }), UsersModule, ErrorsModule]);
  });
  afterAll(() => app?.close());

  it("ValidationError → 400 with the model, attribute, rule and issues", async () => {
    const res = await http().post("/users").send({ email: "not-an-email" }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: "Bad Request", model: "User", attribute: "email" });
    expect(res.body.rule).toEqual(expect.any(String));
    expect(res.body.issues).toEqual([expect.objectContaining({ attribute: "email", message: "must be an email address" })]);
  });

  it("ValidationError of @NotNull → 400 naming the attribute", async () => {
    const res = await http().post("/users").send({ name: "no email" }).expect(400);
    expect(res.body).toMatchObject({ attribute: "email" });
  });

  it("NotFoundError (updating a row deleted meanwhile) → 404", async () => {
    await http().post("/users").send({ id: "gone", email: "gone@example.com" }).expect(201);
    const res = await http().patch("/users/gone/stale").send({ name: "late" }).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: "Not Found", model: "User" });
  });

  it("ConflictError (create with an existing key) → 409", async () => {
    await http().post("/users").send({ id: "dup", email: "dup@example.com" }).expect(201);
    const res = await http().post("/users").send({ id: "dup", email: "dup2@example.com" }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: "Conflict", model: "User" });
  });

  it("a transaction cancelled by a failed condition → 409, and nothing of it is written", async () => {
    await http().post("/users").send({ id: "taken", email: "taken@example.com" }).expect(201);
    const res = await http()
      .post("/errors/users-in-tx")
      .send({ ids: ["fresh", "taken"] })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: "Conflict" });
    expect(res.body.reasons).toEqual([{ model: "User", code: "ConditionalCheckFailed" }]);
    await http().get("/users/fresh").expect(404);
  });

  it("a transaction over 100 actions is bad input: 400, nothing sent", async () => {
    const res = await http().post("/errors/too-many").expect(400);
    expect(JSON.stringify(res.body)).toMatch(/DynamoDB allows 100/);
  });

  it("other errors are left to Nest's default handling", async () => {
    await http().post("/errors/plain").expect(500, { statusCode: 500, message: "Internal server error" });
  });
});

describe("DynamiteModule.forRoot({ exceptionFilter: false })", () => {
  it("does not register the filter: a ValidationError is Nest's 500", async () => {
    const app = await bootApp([
      DynamiteModule.forRoot({ ...testClientConfig(), retryAttempts: 0, exceptionFilter: false }),
      UsersModule,
    ]);
    await request(app.getHttpServer()).post("/users").send({ email: "not-an-email" }).expect(500);
    await app.close();
  });
});

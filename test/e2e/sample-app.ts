import "reflect-metadata";
import type { INestApplication } from "@nestjs/common";
import { Test } from "@nestjs/testing";
import request from "supertest";
import { AppModule } from "../../sample/app.module.js";
import { dynamodbConfig } from "../../sample/config/dynamodb.config.js";
import { testClientConfig } from "../helpers/test-dynamite.js";

/**
 * The sample's AppModule on the run's DynamoDB Local, on a database of its own (fresh access key):
 * only the config provider is overridden, everything else (validation pipe, filter) is the sample's.
 */
export async function bootSampleApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(dynamodbConfig.KEY)
    .useValue(testClientConfig())
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

type Body = Record<string, any>;

/** POSTs `body` and expects `status`; resolves to the response body. */
export async function post(app: INestApplication, path: string, body: object, status = 201): Promise<Body> {
  const response = await request(app.getHttpServer()).post(path).send(body);
  if (response.status !== status)
    throw new Error(`POST ${path} → ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** GETs `path` and expects `status`; resolves to the response body. */
export async function get(app: INestApplication, path: string, status = 200): Promise<Body> {
  const response = await request(app.getHttpServer()).get(path);
  if (response.status !== status)
    throw new Error(`GET ${path} → ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function createUser(app: INestApplication, name = "Ada"): Promise<Body> {
  return post(app, "/users", { email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`, name });
}

export function createProduct(app: INestApplication, stock: number, price = 10): Promise<Body> {
  return post(app, "/products", { name: `Product ${Math.random().toString(36).slice(2, 7)}`, price, stock });
}

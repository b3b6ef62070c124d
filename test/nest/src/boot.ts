import type { INestApplication, ModuleMetadata } from "@nestjs/common";
import { Test, type TestingModuleBuilder } from "@nestjs/testing";

/** Compiles a testing module from `imports`, lets the test adjust it, and starts an HTTP app (quiet). */
export async function bootApp(
  imports: NonNullable<ModuleMetadata["imports"]>,
  adjust: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<INestApplication> {
  const moduleRef = await adjust(Test.createTestingModule({ imports })).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

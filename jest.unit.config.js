import base from "./jest.config.js";

/**
 * `npm run test:unit`: the specs that need no database (pure builders, planners, merge rules, type
 * tests). No global setup, so no Java and no DynamoDB Local: a spec that needs one fails at once
 * ("DYNAMITE_TEST_ENDPOINT is not set"). Put new pure specs in test/unit/ (or name them `*.unit.spec.ts`).
 * They also run in the full suite (`npm test`).
 */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: [
    "<rootDir>/test/unit/**/*.spec.ts",
    "<rootDir>/test/**/*.unit.spec.ts",
    "<rootDir>/test/docs/code-blocks.spec.ts",
    "<rootDir>/test/types/type-level.spec.ts",
  ],
};

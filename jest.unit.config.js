import base from "./jest.config.js";

/**
 * `npm run test:unit`: the specs that need no database (pure builders, planners, merge rules, type
 * tests). No global setup, so no Java and no DynamoDB Local: a spec that needs one fails at once
 * ("DYNAMITE_TEST_ENDPOINT is not set"). Name new pure specs `*.unit.spec.ts` to add them here.
 */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: [
    "<rootDir>/test/**/*.unit.spec.ts",
    "<rootDir>/test/core/batch/concurrency.spec.ts",
    "<rootDir>/test/core/model/derived-indexes.spec.ts",
    "<rootDir>/test/core/transaction/merge-rules.spec.ts",
    "<rootDir>/test/docs/code-blocks.spec.ts",
    "<rootDir>/test/types/type-level.spec.ts",
  ],
};

/**
 * Unit tests of the pure builders and planners (`npm run test:unit`): no DynamoDB Local, no Java,
 * no global setup. They also run in the full suite (`npm test`).
 */
import base from "./jest.config.js";

export default {
  testEnvironment: base.testEnvironment,
  extensionsToTreatAsEsm: base.extensionsToTreatAsEsm,
  moduleNameMapper: base.moduleNameMapper,
  transform: base.transform,
  testMatch: ["<rootDir>/test/unit/**/*.spec.ts"],
  testTimeout: 10000,
  maxWorkers: 2,
};

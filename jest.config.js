/** Jest in ESM mode: ts-jest transpiles each file (isolatedModules); `npm run typecheck` checks types. */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }],
  },
  testMatch: ["<rootDir>/test/**/*.spec.ts"],
  globalSetup: "<rootDir>/test/helpers/global-setup.mjs",
  globalTeardown: "<rootDir>/test/helpers/global-teardown.mjs",
  testTimeout: 60000,
  maxWorkers: 2,
};

/** Jest in ESM mode: ts-jest transpiles each file (isolatedModules); `npm run typecheck` checks types. */
export default {
  // the Node environment, failing any file that leaves a server, socket, child process or timer open
  testEnvironment: "<rootDir>/test/helpers/handle-guard-environment.mjs",
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
  // Jest under --experimental-vm-modules keeps every finished test file's module graph alive (about
  // 3 MB for an empty spec, 5-7 MB for one importing the library), so a worker ends a full run with a
  // 1-2 GB heap, and handing that back to the OS took 250-520 ms on a busy 2-core machine: over Jest's
  // 500 ms, hence "A worker process has failed to exit gracefully" with no handle open. A worker that
  // ends a file above this heap is replaced (between files, so it costs a second of start-up).
  workerIdleMemoryLimit: "512MB",
  // Even then a worker with a few hundred MB took 250-270 ms to exit under load 9.5; allow more than
  // Jest's 500 ms. A leaked handle would still never exit, and the environment above names it first.
  workerGracefulExitTimeout: 2_000,
};

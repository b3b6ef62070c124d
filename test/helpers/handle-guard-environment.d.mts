import { TestEnvironment } from "jest-environment-node";

/** See handle-guard-environment.mjs. `testEnvironmentOptions.settleMs` sets the wait (3,000 ms by default). */
export default class HandleGuardEnvironment extends TestEnvironment {}

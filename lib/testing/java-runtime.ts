import { spawnSync } from "node:child_process";
import { ConfigError } from "../core/errors/index.js";

/** Throws a ConfigError that says how to install Java when `java` is not on PATH. */
export function assertJavaAvailable(command = "java"): void {
  // pass env explicitly: the PATH in effect is the caller's (e.g. a test runner's sandboxed process.env)
  const probe = spawnSync(command, ["-version"], { stdio: "ignore", env: process.env });
  if (probe.error) {
    throw new ConfigError(
      `DynamoDB Local needs a Java 17+ runtime, but "${command}" was not found on PATH. ` +
        "Install one (Debian/Ubuntu: apt-get install default-jre-headless; macOS: brew install openjdk) " +
        "or pass an endpoint of a running DynamoDB instead.",
      { cause: probe.error },
    );
  }
}

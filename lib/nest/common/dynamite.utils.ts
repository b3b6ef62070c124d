import { Logger } from "@nestjs/common";
import { setTimeout as sleep } from "node:timers/promises";
import { Dynamite, ConfigError } from "../../core/index.js";
import { DEFAULT_CONNECTION_NAME } from "../dynamite.constants.js";

const isDefault = (name?: string) => !name || name === DEFAULT_CONNECTION_NAME;

/** Injection token of a connection: the `Dynamite` class for the default one, a string for named ones. */
export function getDynamiteToken(name?: string): string | typeof Dynamite {
  return isDefault(name) ? Dynamite : `${name}Dynamite`;
}

/** Injection token of the `TableRepository` of `model` on a connection. @example getTableToken(User) */
export function getTableToken(model: Function, name?: string): string {
  const prefix = isDefault(name) ? "" : `${name}_`;
  return `${prefix}${model.name}TableRepository`;
}

export interface RetryOptions {
  attempts: number;
  delay: number;
  toRetry: (error: unknown) => boolean;
  connectionName: string;
}

/** By default every error is retried except a misconfiguration, which no retry can fix. */
export const retryUnlessConfigError = (error: unknown): boolean => !(error instanceof ConfigError);

/** Runs `attempt` until it succeeds, at most `attempts` more times, waiting `delay` ms between tries. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const logger = new Logger("DynamiteModule");
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (failures >= options.attempts || !options.toRetry(error)) throw error;
      logger.error(
        `Unable to connect to DynamoDB (connection "${options.connectionName}"): ${(error as Error).message}. ` +
          `Retrying (${failures + 1}/${options.attempts})...`,
      );
      await sleep(options.delay);
    }
  }
}

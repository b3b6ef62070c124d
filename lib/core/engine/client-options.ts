/** How a client treats reads that must fall back to a Scan. */
export type OnScan = "allow" | "warn" | "error";

/** Engine options of a client (beyond the SDK's own configuration). */
export interface EngineOptions {
  onScan: OnScan;
  /**
   * Concurrent requests an include or a batch may have in flight. The default, 50, is the socket
   * pool of the SDK's HTTP handler: more would only queue inside the SDK.
   */
  concurrency: number;
  /** Retries of a TransactionConflict/throttled transaction (same ClientRequestToken). */
  transactionRetries: number;
  /** Where warnings go (e.g. onScan: "warn", sync drift). */
  warn: (message: string) => void;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  onScan: "allow",
  concurrency: 50,
  transactionRetries: 3,
  warn: (message) => process.emitWarning(message, "DynamiteWarning"),
};

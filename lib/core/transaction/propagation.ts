import { TransactionPropagationError } from "../errors/transaction-propagation-error.js";

/**
 * How a `tx()` (or `@Transactional()`) relates to a transaction already open in its async context.
 * @example await dynamite.tx(work, { propagation: Propagation.REQUIRES_NEW });
 */
export const Propagation = {
  /** Join the open transaction, or start one (the default). */
  REQUIRED: "REQUIRED",
  /** Always start a transaction of its own, committed on its own, whatever happens to the outer one. */
  REQUIRES_NEW: "REQUIRES_NEW",
  /** Join the open transaction; without one, a TransactionPropagationError. */
  MANDATORY: "MANDATORY",
  /** Run without a transaction; inside one, a TransactionPropagationError. */
  NEVER: "NEVER",
  /** Join the open transaction if there is one, else run without a transaction. */
  SUPPORTS: "SUPPORTS",
  /** Run without a transaction, even inside one: writes go straight to the table. */
  NOT_SUPPORTED: "NOT_SUPPORTED",
} as const;

/** One of the propagation modes (`"REQUIRED"`, …, or a member of `Propagation`). */
export type Propagation = (typeof Propagation)[keyof typeof Propagation];

/** Modes whose callback always runs inside a transaction (its `tx` argument is defined). */
export type JoiningPropagation = typeof Propagation.REQUIRED | typeof Propagation.REQUIRES_NEW | typeof Propagation.MANDATORY;

/** Options of `dynamite.tx(callback, options)`. */
export interface TxOptions<P extends Propagation = Propagation> {
  /** How to relate to an open transaction (default `REQUIRED`). */
  propagation?: P;
}

const MODES = new Set<unknown>(Object.values(Propagation));

/** The mode to use: `REQUIRED` when omitted; an unknown value is a TransactionPropagationError. */
export function propagationOf(options: TxOptions | undefined): Propagation {
  if (options !== undefined && options !== null && typeof options !== "object") {
    throw new TransactionPropagationError(
      `tx() options must be an object such as { propagation: "REQUIRES_NEW" }, not ${JSON.stringify(options) ?? String(options)}`,
      options,
    );
  }
  const mode: unknown = options?.propagation === undefined ? Propagation.REQUIRED : options.propagation;
  if (MODES.has(mode)) return mode as Propagation;
  throw new TransactionPropagationError(
    `Unknown transaction propagation ${JSON.stringify(mode) ?? String(mode)}; use one of ${[...MODES].join(", ")}`,
    mode,
  );
}

/** Base class of every error the package throws; `cause` keeps the underlying error. */
export class DynamiteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One failed rule of one attribute. */
export interface ValidationIssue {
  model: string;
  attribute: string;
  rule: string;
  message: string;
}

/** Bad input, caught before any request: every failed rule of the write is listed. */
export class ValidationError extends DynamiteError {
  readonly model: string;
  readonly attribute: string;
  readonly rule: string;
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[] | ValidationIssue, options?: { cause?: unknown }) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => `${i.model}.${i.attribute}: ${i.message} (${i.rule})`).join("; "), options);
    this.issues = list;
    this.model = list[0]?.model ?? "";
    this.attribute = list[0]?.attribute ?? "";
    this.rule = list[0]?.rule ?? "";
  }

  /** Shorthand for a single issue. */
  static of(model: string, attribute: string, rule: string, message: string): ValidationError {
    return new ValidationError({ model, attribute, rule, message });
  }
}

/** A write lost a race or broke a uniqueness/condition rule; nothing was changed. */
export class ConflictError extends DynamiteError {
  constructor(
    message: string,
    readonly details: { model?: string; key?: Record<string, unknown>; expected?: unknown; actual?: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The item a write or a strict read needed does not exist. */
export class NotFoundError extends DynamiteError {
  constructor(
    message: string,
    readonly details: { model?: string; key?: Record<string, unknown> } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The models or the client are set up wrongly (missing keys, unknown relation, no client). */
export class ConfigError extends DynamiteError {}

/**
 * A parser for the DynamoDB expression grammar subset the contenders send (conditions, key
 * conditions, filters, update and projection expressions), for the in-memory request handler.
 */

export type PathPart = string | number;
export type Operand =
  | { kind: "path"; path: PathPart[] }
  | { kind: "value"; name: string }
  | { kind: "call"; fn: string; args: Operand[] }
  | { kind: "arith"; op: "+" | "-"; left: Operand; right: Operand };
export type Cond =
  | { kind: "and" | "or"; left: Cond; right: Cond }
  | { kind: "not"; inner: Cond }
  | { kind: "cmp"; op: string; left: Operand; right: Operand }
  | { kind: "between"; subject: Operand; low: Operand; high: Operand }
  | { kind: "in"; subject: Operand; list: Operand[] }
  | { kind: "fn"; fn: string; args: Operand[] };
export interface UpdateExpr {
  set: Array<{ path: PathPart[]; value: Operand }>;
  remove: PathPart[][];
  add: Array<{ path: PathPart[]; value: Operand }>;
  del: Array<{ path: PathPart[]; value: Operand }>;
}

const TOKEN = /\s*(<>|<=|>=|[=<>(),.[\]+-]|#[A-Za-z0-9_]+|:[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*|\d+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`Invalid expression near "${text.slice(TOKEN.lastIndex)}"`);
    tokens.push(match[1]);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: string[],
    private readonly names: Record<string, string>,
  ) {}

  peek(offset = 0): string | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): string {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new Error("Unexpected end of expression");
    return token;
  }
  expect(token: string): void {
    const got = this.next();
    if (got.toUpperCase() !== token) throw new Error(`Expected ${token}, got ${got}`);
  }
  isKeyword(word: string): boolean {
    return this.peek()?.toUpperCase() === word;
  }
  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  condition(): Cond {
    let left = this.conjunction();
    while (this.isKeyword("OR")) {
      this.next();
      left = { kind: "or", left, right: this.conjunction() };
    }
    return left;
  }
  conjunction(): Cond {
    let left = this.negation();
    while (this.isKeyword("AND")) {
      this.next();
      left = { kind: "and", left, right: this.negation() };
    }
    return left;
  }
  negation(): Cond {
    if (this.isKeyword("NOT")) {
      this.next();
      return { kind: "not", inner: this.negation() };
    }
    return this.primary();
  }
  primary(): Cond {
    if (this.peek() === "(") {
      this.next();
      const inner = this.condition();
      this.expect(")");
      return inner;
    }
    const fn = this.peek()?.toLowerCase();
    if (fn && this.peek(1) === "(" && fn !== "size") {
      this.next();
      return { kind: "fn", fn, args: this.argumentList() };
    }
    const subject = this.operand();
    if (this.isKeyword("BETWEEN")) {
      this.next();
      const low = this.operand();
      this.expect("AND");
      return { kind: "between", subject, low, high: this.operand() };
    }
    if (this.isKeyword("IN")) {
      this.next();
      return { kind: "in", subject, list: this.argumentList() };
    }
    const op = this.next();
    if (!["=", "<>", "<", "<=", ">", ">="].includes(op)) throw new Error(`Unknown comparator ${op}`);
    return { kind: "cmp", op, left: subject, right: this.operand() };
  }
  argumentList(): Operand[] {
    this.expect("(");
    const args = [this.value()];
    while (this.peek() === ",") {
      this.next();
      args.push(this.value());
    }
    this.expect(")");
    return args;
  }
  /** An operand, or `a + b` / `a - b` (update SET values). */
  value(): Operand {
    const left = this.operand();
    const op = this.peek();
    if (op === "+" || op === "-") {
      this.next();
      return { kind: "arith", op, left, right: this.operand() };
    }
    return left;
  }
  operand(): Operand {
    const token = this.peek()!;
    if (token.startsWith(":")) return { kind: "value", name: this.next() };
    if (this.peek(1) === "(" && /^[A-Za-z_]/.test(token)) {
      this.next();
      return { kind: "call", fn: token.toLowerCase(), args: this.argumentList() };
    }
    return { kind: "path", path: this.path() };
  }
  path(): PathPart[] {
    const parts: PathPart[] = [this.name(this.next())];
    for (;;) {
      if (this.peek() === ".") {
        this.next();
        parts.push(this.name(this.next()));
      } else if (this.peek() === "[") {
        this.next();
        parts.push(Number(this.next()));
        this.expect("]");
      } else return parts;
    }
  }
  name(token: string): string {
    if (!token.startsWith("#")) return token;
    const name = this.names[token];
    if (name === undefined) throw new Error(`Undefined attribute name placeholder ${token}`);
    return name;
  }

  update(): UpdateExpr {
    const result: UpdateExpr = { set: [], remove: [], add: [], del: [] };
    while (!this.done()) {
      const clause = this.next().toUpperCase();
      do {
        if (clause === "SET") {
          const path = this.path();
          this.expect("=");
          result.set.push({ path, value: this.value() });
        } else if (clause === "REMOVE") result.remove.push(this.path());
        else if (clause === "ADD") result.add.push({ path: this.path(), value: this.operand() });
        else if (clause === "DELETE") result.del.push({ path: this.path(), value: this.operand() });
        else throw new Error(`Unknown update clause ${clause}`);
      } while (this.peek() === "," && this.next());
    }
    return result;
  }
}

const conditionCache = new Map<string, Cond>();

/** Parses a condition/filter/key-condition expression (cached by text and names). */
export function parseCondition(text: string, names: Record<string, string> = {}): Cond {
  const cacheKey = `${text}\u0000${JSON.stringify(names)}`;
  let parsed = conditionCache.get(cacheKey);
  if (!parsed) {
    const parser = new Parser(tokenize(text), names);
    parsed = parser.condition();
    if (!parser.done()) throw new Error(`Unexpected "${parser.peek()}" in ${text}`);
    if (conditionCache.size > 10_000) conditionCache.clear();
    conditionCache.set(cacheKey, parsed);
  }
  return parsed;
}

/** Parses an UpdateExpression. */
export function parseUpdate(text: string, names: Record<string, string> = {}): UpdateExpr {
  return new Parser(tokenize(text), names).update();
}

/** Parses a ProjectionExpression into its paths. */
export function parseProjection(text: string, names: Record<string, string> = {}): PathPart[][] {
  const parser = new Parser(tokenize(text), names);
  const paths = [parser.path()];
  while (parser.peek() === ",") {
    parser.next();
    paths.push(parser.path());
  }
  return paths;
}

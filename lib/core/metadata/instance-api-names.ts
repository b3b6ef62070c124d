import { ConfigError, ValidationError } from "../errors/core-errors.js";

// never attribute names: assigning them changes what the object is, not what it holds
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/**
 * True when `name` belongs to the instance API rather than to its data: anything the prototype chain
 * already answers (Table's save/update/destroy/toJSON…, the model's own methods and accessors,
 * Object's toString/hasOwnProperty…) and __proto__/constructor/prototype. Such a name stored as an
 * own property would replace a method, or swap the prototype.
 */
export function isInstanceApiName(prototype: object, name: string): boolean {
  let answers = answersByPrototype.get(prototype);
  if (!answers) answersByPrototype.set(prototype, (answers = new Map()));
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = RESERVED.has(name) || name in prototype;
    if (answers.size < MAX_ANSWERS) answers.set(name, answer);
  }
  return answer;
}

/**
 * Answers per model prototype (input keys and stored names repeat on every row; `in` walks the whole
 * prototype chain for a name it does not find). A class's methods exist before any instance is made;
 * a method added to a prototype at run time after its name was asked about is not seen.
 */
const answersByPrototype = new WeakMap<object, Map<string, boolean>>();
const MAX_ANSWERS = 1_024;

/** At model definition: an attribute or relation may not shadow the instance API. */
export function assertDeclarableName(prototype: object, name: string, kind: "attribute" | "relation"): void {
  if (!isInstanceApiName(prototype, name)) return;
  throw new ConfigError(
    `Model ${(prototype.constructor as Function).name}: the ${kind} "${name}" would shadow the instance API ` +
      `(${name} is a method or reserved name of every instance); give the property another name` +
      (kind === "attribute" ? ` and keep "${name}" as the stored name with @Name("${name}").` : "."),
  );
}

/**
 * Copies input data (create, new, update, save) onto an instance. A name of the instance API is a
 * ValidationError, never assigned: input cannot replace a method or swap the prototype.
 */
export function assignInput(instance: object, data: object, modelName = instance.constructor.name): void {
  assertInputNames(Object.getPrototypeOf(instance) as object, data, modelName);
  Object.assign(instance, data);
}

/** Refuses input keys that name the instance API (before anything is assigned or sent). */
export function assertInputNames(prototype: object, data: object, modelName: string): void {
  for (const name of Object.keys(data)) {
    if (isInstanceApiName(prototype, name)) {
      throw ValidationError.of(
        modelName,
        name,
        "attributeName",
        "is a method or reserved name of every instance, so it cannot be an attribute (rename it; @Name can keep the stored name)",
      );
    }
  }
}

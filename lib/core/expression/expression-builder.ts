/**
 * Collects `ExpressionAttributeNames` / `ExpressionAttributeValues` placeholders so that no attribute
 * name or value is ever spliced into an expression's text.
 */
export class ExpressionBuilder {
  private readonly names = new Map<string, string>();
  private readonly values: Record<string, unknown> = {};
  private valueCount = 0;

  /** The placeholder of a top-level attribute name (a `.` or `[` in it is part of the name). */
  name(attribute: string): string {
    let placeholder = this.names.get(attribute);
    if (!placeholder) {
      placeholder = `#n${this.names.size}`;
      this.names.set(attribute, placeholder);
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** The placeholder maps for the SDK input; omitted when empty (DynamoDB rejects empty maps). */
  attributes(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  } {
    const result: {
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues?: Record<string, unknown>;
    } = {};
    if (this.names.size) result.ExpressionAttributeNames = Object.fromEntries([...this.names].map(([n, p]) => [p, n]));
    if (this.valueCount) result.ExpressionAttributeValues = { ...this.values };
    return result;
  }
}

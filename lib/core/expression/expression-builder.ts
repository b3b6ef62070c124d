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
    this.addTo(result);
    return result;
  }

  /**
   * Sets the placeholder maps on an SDK input in place (none when empty). Cheaper than spreading
   * `attributes()` into a copy of the input: on Node 20/22 a spread that adds fields to a copy takes V8's slow path.
   */
  addTo(input: { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> }): void {
    if (this.names.size) {
      const names: Record<string, string> = {};
      for (const [attribute, placeholder] of this.names) names[placeholder] = attribute;
      input.ExpressionAttributeNames = names;
    }
    if (this.valueCount) input.ExpressionAttributeValues = { ...this.values };
  }
}

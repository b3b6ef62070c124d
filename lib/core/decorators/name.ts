import { metadataFor } from "../metadata/registry.js";
import { onAttribute } from "./property-target.js";

/**
 * On a class: the table name. On a property: the stored attribute name (queries keep the TS name).
 * @example `@Name("app_users") class User extends Table<User> { @Name("e_mail") declare email: string }`
 */
export function Name(name: string): ClassDecorator & PropertyDecorator {
  return ((target: object, propertyKey?: string | symbol) => {
    if (propertyKey === undefined) {
      const model = metadataFor(target as Function);
      model.tableName = name;
      model.explicitTableName = true;
      return;
    }
    onAttribute((attribute) => {
      attribute.column = name;
    })(target, propertyKey);
  }) as ClassDecorator & PropertyDecorator;
}

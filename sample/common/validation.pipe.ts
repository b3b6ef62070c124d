import { BadRequestException, ValidationPipe, type ValidationError } from "@nestjs/common";

/** One invalid field of a request, by its path (`items.0.quantity`). */
export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ""): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/** DTO validation at the edge: unknown fields are refused, and a 400 names every invalid field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: "Bad Request",
        message: `Invalid ${fields.map((f) => f.field).join(", ")}`,
        fields,
      });
    },
  });
}

import { Catch, HttpStatus, type ArgumentsHost } from "@nestjs/common";
import { BaseExceptionFilter } from "@nestjs/core";
import { throwError, type Observable } from "rxjs";
import { ConflictError, NotFoundError, ValidationError, TransactionError } from "../core/index.js";

type HttpBody = { statusCode: number; error: string; message: string } & Record<string, unknown>;

/** The HTTP response of a Dynamite error, or undefined when Nest's default handling should answer. */
export function httpBodyOf(error: unknown): HttpBody | undefined {
  if (error instanceof ValidationError) {
    const { model, attribute, rule, issues } = error;
    return { statusCode: HttpStatus.BAD_REQUEST, error: "Bad Request", message: error.message, model, attribute, rule, issues };
  }
  if (error instanceof NotFoundError) {
    return { statusCode: HttpStatus.NOT_FOUND, error: "Not Found", message: error.message, model: error.details.model };
  }
  if (error instanceof ConflictError) {
    return { statusCode: HttpStatus.CONFLICT, error: "Conflict", message: error.message, model: error.details.model };
  }
  if (error instanceof TransactionError && error.conditionFailed) {
    const reasons = error.reasons.filter((r) => r.code !== "None").map(({ model, code }) => ({ model, code }));
    return { statusCode: HttpStatus.CONFLICT, error: "Conflict", message: error.message, reasons };
  }
  return undefined;
}

/**
 * Maps Dynamite errors to HTTP: ValidationError → 400, NotFoundError → 404, ConflictError and a
 * condition-cancelled TransactionError → 409. Anything else gets Nest's default handling. In a
 * microservice handler the client receives `{ status: "error", ...body }` as the error.
 * Registered globally by `DynamiteModule.forRoot()` unless `exceptionFilter: false`.
 */
@Catch(ValidationError, NotFoundError, ConflictError, TransactionError)
export class DynamiteExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // A microservice client gets the same body as an error (what @nestjs/microservices sends for an RpcException object).
    if (host.getType() === "rpc") {
      const error = httpBodyOf(exception) ?? { message: "Internal server error" };
      return throwError(() => ({ status: "error", ...error }));
    }
    const body = host.getType() === "http" ? httpBodyOf(exception) : undefined;
    if (!body) return super.catch(exception, host);
    const adapter = this.httpAdapterHost?.httpAdapter ?? this.applicationRef;
    if (!adapter) return super.catch(exception, host);
    adapter.reply(host.switchToHttp().getResponse(), body, body.statusCode);
  }
}

import { DynamiteError } from "./core-errors.js";

/** A read that only a Scan can serve, refused because the client has `onScan: "error"`. */
export class ScanRefusedError extends DynamiteError {
  constructor(
    message: string,
    readonly model: string,
  ) {
    super(message);
  }
}

/**
 * The HTTP handler options that make `requestTimeout` a bound: the SDK's NodeHttpHandler only logs a
 * warning when a request exceeds it unless `throwOnRequestTimeout` is set.
 */
export function timeoutHandlerOptions(requestTimeout: number): { requestTimeout: number; throwOnRequestTimeout: true } {
  return { requestTimeout, throwOnRequestTimeout: true };
}

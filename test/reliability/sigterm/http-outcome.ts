import { request } from "node:http";

/** What became of one HTTP request: a response (status and JSON body) or the socket error that cut it. */
export interface Outcome {
  status?: number;
  body?: any;
  error?: string;
}

/**
 * POSTs JSON on a connection of its own (no keep-alive), so each request is accepted, answered or cut
 * on its own, and never rejects: a refused or reset connection becomes `{ error }`.
 */
export function postJson(url: string, body: object, timeoutMs: number): Promise<Outcome> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          connection: "close",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, body: parseJson(text) }));
        res.on("error", (error) => resolve({ status: res.statusCode, error: codeOf(error) }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", (error) => resolve({ error: codeOf(error) }));
    req.end(payload);
  });
}

function codeOf(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? error.message;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

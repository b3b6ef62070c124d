import { appendFileSync } from "node:fs";

/**
 * A measurement a test wants to show (load numbers, outage outcomes). Passing tests print nothing,
 * so it goes to the file named by DYNAMITE_TEST_REPORT (appended, one line each) and nowhere else:
 * `DYNAMITE_TEST_REPORT=report.txt npm test`.
 */
export function report(line: string): void {
  const file = process.env.DYNAMITE_TEST_REPORT;
  if (file) appendFileSync(file, `${line}\n`);
}

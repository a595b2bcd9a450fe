import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * After the list reporter, a short account of each failed test: where it is and the first lines
 * of its error. Why: CI keeps only the end of its log, and the list reporter's own account of a
 * failure puts the error above its attachments (the trace's path and how to open it), so a kept
 * tail of 45 lines once showed which test failed but not why.
 */
const MAX_LINES = 8;
// ANSI colour codes, which the log keeps as text.
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

export default class FailuresReporter implements Reporter {
  private readonly failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "passed" || result.status === "skipped" || result.status === test.expectedStatus) return;
    const where = `${test.location.file.split("/tests/e2e/").pop()}:${test.location.line} › ${test.title}`;
    const first = result.errors[0];
    const error = (first?.message ?? result.status).replace(COLOURS, "");
    const lines = error.split("\n").filter((line) => line.trim() !== "").slice(0, MAX_LINES);
    const at = first?.location ? ` at line ${first.location.line}` : "";
    this.failures.push([`✘ ${where} (${result.status}${at}, ${Math.round(result.duration / 1000)} s)`, ...lines.map((line) => `    ${line}`)].join("\n"));
  }

  onEnd(result: FullResult): void {
    if (this.failures.length === 0) return;
    console.log(`\nFailed (${result.status}), in short:\n${this.failures.join("\n")}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

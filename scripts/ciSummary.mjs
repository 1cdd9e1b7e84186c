// Prints the totals of vitest's JSON reports (unit + e2e) as one closing line, "vitest: N passed, N failed, N skipped".
import { readFileSync } from "node:fs";

const files = process.argv.length > 2 ? process.argv.slice(2) : ["test-results/vitest.json"];
const total = { passed: 0, failed: 0, skipped: 0, all: 0 };
for (const file of files) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
  total.all += report.numTotalTests;
}
if (total.all === 0) {
  process.stderr.write("vitest ran no test\n");
  process.exit(1);
}
process.stdout.write(`vitest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);

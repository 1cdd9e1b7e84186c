// Prints vitest's totals from its JSON report as one closing line, "vitest: N passed, N failed, N skipped".
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2] ?? "test-results/vitest.json", "utf8"));
const skipped = report.numPendingTests + report.numTodoTests;
if (report.numTotalTests === 0) {
  process.stderr.write("vitest ran no test\n");
  process.exit(1);
}
process.stdout.write(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped\n`);

// Appends each Jest run's totals to $FLYWHEEL_TEST_SUMMARY so scripts/test.sh can print
// one closing line for the whole workspace after Nx ran every project's tests.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.FLYWHEEL_TEST_SUMMARY;
    if (!file) return;
    const line = [results.numPassedTests, results.numFailedTests, results.numPendingTests + results.numTodoTests];
    fs.appendFileSync(file, `${line.join(' ')}\n`);
  }
}

module.exports = SummaryReporter;

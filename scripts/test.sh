#!/usr/bin/env bash
# Runs every check and test of the workspace against the real test stack:
# lint, type checks, the proto breaking-change check, unit and integration tests, e2e.
# Brings the stack (Kafka, PostgreSQL, S3 server) up first when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export FLYWHEEL_TEST_SUMMARY="$PWD/.stack/test-summary.txt"
# Everything this run prints, and the output of every process tests spawn (recordProcessOutput
# in @flywheel/testing writes it to FLYWHEEL_TEST_LOG_DIR), is scanned for secrets at the end.
export FLYWHEEL_TEST_OUTPUT="$PWD/.stack/test-output.log" FLYWHEEL_TEST_LOG_DIR="$PWD/.stack/test-logs"
mkdir -p .stack && rm -rf "$FLYWHEEL_TEST_LOG_DIR" && : > "$FLYWHEEL_TEST_OUTPUT"
exec 3>&1 4>&2 > >(tee -a "$FLYWHEEL_TEST_OUTPUT") 2>&1
tee_pid=$!

bash scripts/stack/up.sh
mkdir -p .stack && : > "$FLYWHEEL_TEST_SUMMARY"
eval "$(bash scripts/stack/env.sh)"

status=0
npx nx run contracts:generate
bash libs/contracts/scripts/breaking.sh || status=1
npx nx run-many -t lint typecheck --outputStyle=stream || status=1
npx nx run-many -t build --outputStyle=stream || status=1
npx nx run-many -t test --outputStyle=stream --nxBail=false || status=1

read -r passed failed skipped < <(awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}' "$FLYWHEEL_TEST_SUMMARY")
# Back to the terminal; tee ends once no process holds the pipe (a daemon that kept it would
# keep tee alive, so the wait is bounded: what was printed is on disk either way).
exec 1>&3 2>&4 3>&- 4>&-
for _ in {1..50}; do kill -0 "$tee_pid" 2>/dev/null || break; sleep 0.1; done
bash scripts/scan-secrets.sh "$FLYWHEEL_TEST_OUTPUT" "$FLYWHEEL_TEST_LOG_DIR" || status=1
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"

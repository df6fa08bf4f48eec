#!/usr/bin/env bash
# Runs every check and test of the workspace against the real test stack:
# lint, type checks, the proto breaking-change check, unit and integration tests, e2e.
# Brings the stack (Kafka, PostgreSQL, S3 server) up first when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export FLYWHEEL_TEST_SUMMARY="$PWD/.stack/test-summary.txt"

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
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"

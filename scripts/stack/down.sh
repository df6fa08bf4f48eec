#!/usr/bin/env bash
# Stop the whole integration-test stack. Data stays in .stack/ (delete it for a clean slate);
# downloads and builds stay in .cache/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rc=0
# Reverse start order; keep going if one fails so the others still get stopped.
for component in s3 kafka postgres; do
  bash "$STACK_DIR/$component.sh" stop || rc=1
done
exit $rc

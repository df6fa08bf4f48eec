#!/usr/bin/env bash
# Start the whole integration-test stack (PostgreSQL, Kafka, S3/MinIO) on loopback,
# installing or building whatever is missing, plus the Python venv with mlflow (python.sh).
# Idempotent: a second run only checks that everything answers. Afterwards:
# eval "$(scripts/stack/env.sh)" to point the tests at it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# One `apt-get update` at most for this whole run, shared by the child scripts (see lib.sh).
FLYWHEEL_STACK_APT_STAMP=$(mktemp)
export FLYWHEEL_STACK_APT_STAMP
trap 'rm -f "$FLYWHEEL_STACK_APT_STAMP"' EXIT

t_all=$SECONDS
# Before any server starts: a broker's connection to its controller lives as long as the broker,
# and one that took 50054 as its local port broke the README e2e test for a whole run.
bash "$STACK_DIR/reserve-ports.sh"
# kcat is not used by the stack itself; some tests shell out to it to inspect topics.
apt_install kcat

for component in postgres kafka s3; do
  t0=$SECONDS
  bash "$STACK_DIR/$component.sh" start
  log "$component: start took $(( SECONDS - t0 ))s"
done
# The mlflow client and reference server for the MLflow e2e tests and benchmarks (no server
# to start; quiet when already installed).
bash "$STACK_DIR/python.sh"
# kustomize for the Kubernetes manifests' schema check (built once, then cached).
bash "$STACK_DIR/kustomize.sh"

# Summary: one row per component; the detail column is that script's own `status` line.
row() {
  local name=$1 endpoint=$2 detail state=up
  detail=$(bash "$STACK_DIR/$name.sh" status 2>&1 | head -n1) || state=DOWN
  printf '%-9s %-5s %-48s %s\n' "$name" "$state" "$endpoint" "${detail#*: }"
}
{
  echo
  printf '%-9s %-5s %-48s %s\n' COMPONENT STATE ENDPOINT DETAIL
  row postgres "postgres://flywheel:flywheel@$STACK_HOST:5432/flywheel"
  row kafka "$STACK_HOST:9092 (controller $STACK_HOST:9093)"
  row s3 "http://$STACK_HOST:9000 (console $STACK_HOST:9001)"
  echo "runtime state (data, logs, pids): $STATE_DIR"
  echo "stack up in $(( SECONDS - t_all ))s; point the tests at it with: eval \"\$($STACK_DIR/env.sh)\""
}

#!/usr/bin/env bash
# Print the environment the integration tests read to find the stack started by up.sh.
# Usage: eval "$(scripts/stack/env.sh)"
set -euo pipefail
cat <<'ENV'
export FLYWHEEL_TEST_KAFKA_BROKERS=127.0.0.1:9092
export FLYWHEEL_TEST_KAFKA_SASL_BROKERS=127.0.0.1:9094
export FLYWHEEL_TEST_KAFKA_SASL_USERNAME=flywheel-scram
export FLYWHEEL_TEST_KAFKA_SASL_PASSWORD=flywheel-scram-secret
export FLYWHEEL_TEST_DATABASE_URL=postgres://flywheel:flywheel@127.0.0.1:5432/flywheel
export FLYWHEEL_TEST_S3_ENDPOINT=http://127.0.0.1:9000
export FLYWHEEL_TEST_S3_ACCESS_KEY=flywheel
export FLYWHEEL_TEST_S3_SECRET_KEY=flywheel-secret
export FLYWHEEL_TEST_S3_REGION=us-east-1
export FLYWHEEL_TEST_AUTH_PEPPER=flywheel-test-auth-pepper-0123456789
ENV
# Tools built into the repo's cache by up.sh.
echo "export FLYWHEEL_TEST_KUSTOMIZE=$(bash "$(dirname "${BASH_SOURCE[0]}")/kustomize.sh" path)"

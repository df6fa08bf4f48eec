#!/usr/bin/env bash
# Fails when the value of a configured secret appears in the output of a test run.
#
# Usage: scan-secrets.sh <log file or folder>...
#
# The secrets are the test stack's (scripts/stack/env.sh) and Flywheel's own secret variables
# when the caller set them, directly or through <NAME>_FILE. A leak is reported by variable
# name and file, never by value, so this script's own output cannot leak either.
set -euo pipefail

SECRET_VARIABLES=(
  FLYWHEEL_TEST_S3_SECRET_KEY
  FLYWHEEL_TEST_KAFKA_SASL_PASSWORD
  FLYWHEEL_TEST_AUTH_PEPPER
  FLYWHEEL_S3_SECRET_ACCESS_KEY
  FLYWHEEL_AUTH_PEPPER
  FLYWHEEL_SERVICE_API_KEY
  FLYWHEEL_KAFKA_SASL_PASSWORD
)
# Shorter values would match ordinary text by chance; none of the test stack's are this short.
MIN_SECRET_LENGTH=8

targets=()
for target in "$@"; do
  [[ -e $target ]] && targets+=("$target")
done
if (( ${#targets[@]} == 0 )); then
  echo "secret scan: nothing to scan (no log at: $*)" >&2
  exit 1
fi

# secret_value NAME: the variable's value, or the content of the file NAME_FILE names.
secret_value() {
  local name=$1 file_name="${1}_FILE"
  if [[ -n ${!name:-} ]]; then
    printf '%s' "${!name}"
  elif [[ -n ${!file_name:-} && -r ${!file_name} ]]; then
    # Command substitution drops trailing newlines, as the configuration loader drops one.
    printf '%s' "$(<"${!file_name}")"
  fi
}

leaks=0
scanned=0
for name in "${SECRET_VARIABLES[@]}"; do
  value=$(secret_value "$name")
  [[ -n $value ]] || continue
  if (( ${#value} < MIN_SECRET_LENGTH )); then
    echo "secret scan: $name is shorter than $MIN_SECRET_LENGTH characters; not scanned" >&2
    continue
  fi
  scanned=$(( scanned + 1 ))
  if files=$(grep -rlFa -- "$value" "${targets[@]}"); then
    echo "secret scan: FAILED: the value of $name appears in: $(paste -sd ' ' <<<"$files")" >&2
    leaks=$(( leaks + 1 ))
  fi
done

if (( leaks > 0 )); then
  echo "secret scan: $leaks of $scanned secrets leaked into the test output" >&2
  exit 1
fi
echo "secret scan: none of $scanned secrets appears in the test output"

#!/usr/bin/env bash
# Fails when proto/ breaks wire or generated-code compatibility (buf's FILE rules) against
# the main branch. Until main contains a proto/ module (the commit that introduces it) there
# is nothing to compare with, so the check is skipped with a note rather than failing.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo_root"

against_ref="${FLYWHEEL_BREAKING_AGAINST:-main}"
if ! git rev-parse --verify --quiet "$against_ref^{commit}" >/dev/null; then
  echo "contracts: breaking check skipped: branch '$against_ref' does not exist yet."
  exit 0
fi
if ! git cat-file -e "$against_ref:proto/buf.yaml" 2>/dev/null; then
  echo "contracts: breaking check skipped: '$against_ref' has no proto/ module yet (first commit of the protos)."
  exit 0
fi

npx --no-install buf breaking proto --against "$repo_root/.git#branch=$against_ref,subdir=proto"
echo "contracts: no breaking changes against $against_ref"

#!/usr/bin/env bash
# Runs a TypeScript benchmark straight from source: SWC transpiles it on load through
# @swc-node/register (no type check, no build step), with the workspace's tsconfig paths so
# `@flywheel/*` imports resolve to the libraries' sources, as in tests.
#
# Usage: bash scripts/bench.sh <file.ts> [args...]   (environment variables pass through)
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: bash scripts/bench.sh <file.ts> [args...]" >&2
  exit 2
fi
if [[ ! -f $1 ]]; then
  echo "bench.sh: no such file: $1" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift

cd "$root"
export SWC_NODE_PROJECT="$root/tsconfig.base.json"
exec node --enable-source-maps -r @swc-node/register "$file" "$@"

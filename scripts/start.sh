#!/usr/bin/env bash
# `npm start`: builds the CLI with everything it depends on (Nx builds libraries and services
# first, contracts generation included), then runs all six services in one process: the
# standalone shape with embedded defaults. Extra arguments pass through, e.g.
#   npm start -- --admin-port=9500
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

npx nx run flywheel:build
exec node services/flywheel/dist/main.js start --target=all "$@"

#!/usr/bin/env bash
# ghz (github.com/bojand/ghz), the gRPC load generator that `npm run bench:serving` paces its
# latency runs with: a Go client, whose concurrent garbage collector does not stop the clock
# for milliseconds as a Node.js load generator's scavenges do. Not needed by the tests.
#
# Compiled from source through the Go module proxy into .cache/bin, once (about 40 s on 2 cores;
# see go_tool_install in lib.sh); afterwards the cached binary is used. Quiet when already
# installed. Prints the binary's path with `path`.
#
# Usage: ghz.sh [install|path]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GHZ_MODULE=github.com/bojand/ghz/cmd/ghz
GHZ_VERSION=${FLYWHEEL_GHZ_VERSION:-v0.120.0}

case ${1:-install} in
  install) go_tool_install ghz "$GHZ_MODULE" "$GHZ_VERSION" ;;
  path) echo "$CACHE_DIR/bin/ghz" ;;
  *) die "usage: ghz.sh [install|path]" ;;
esac

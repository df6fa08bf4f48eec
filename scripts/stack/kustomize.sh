#!/usr/bin/env bash
# kustomize, for the schema check of deploy/k8s (e2e/deploy-manifests.e2e-spec.ts).
#
# Compiled from source through the Go module proxy into .cache/bin, once (about a minute on
# 2 cores; see go_tool_install in lib.sh); afterwards the cached binary is used. Quiet when
# already installed. Prints the binary's path with `path`.
#
# Usage: kustomize.sh [install|path]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_VERSION=${FLYWHEEL_KUSTOMIZE_VERSION:-v5.8.1}

case ${1:-install} in
  install) go_tool_install kustomize "$KUSTOMIZE_MODULE" "$KUSTOMIZE_VERSION" ;;
  path) echo "$CACHE_DIR/bin/kustomize" ;;
  *) die "usage: kustomize.sh [install|path]" ;;
esac

#!/usr/bin/env bash
# kustomize, for the schema check of deploy/k8s (e2e/deploy-manifests.e2e-spec.ts).
#
# No release binaries are reachable here, so it is compiled from source through the Go module
# proxy into .cache/bin, once (about a minute on 2 cores); afterwards the cached binary is used.
# Quiet when already installed. Prints the binary's path with `path`.
#
# Usage: kustomize.sh [install|path]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_VERSION=${FLYWHEEL_KUSTOMIZE_VERSION:-v5.8.1}
KUSTOMIZE_BIN="$CACHE_DIR/bin/kustomize"
KUSTOMIZE_STAMP="$CACHE_DIR/bin/kustomize.version"

kustomize_install() {
  if [[ -x $KUSTOMIZE_BIN && -f $KUSTOMIZE_STAMP && $(<"$KUSTOMIZE_STAMP") == "$KUSTOMIZE_VERSION" ]]; then
    return 0
  fi
  command -v go >/dev/null || die "kustomize: Go is needed to build $KUSTOMIZE_MODULE (none on PATH)"
  local t0=$SECONDS work
  log "kustomize: building $KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION with $(go env GOVERSION) (first time only)"
  mkdir -p "$CACHE_DIR/bin"
  # Module and build caches live in a scratch folder that is dropped afterwards: only the
  # binary is worth keeping.
  work=$(mktemp -d "$CACHE_DIR/kustomize-build.XXXXXX")
  if ! GOBIN="$CACHE_DIR/bin" GOMODCACHE="$work/mod" GOCACHE="$work/build" GOFLAGS=-trimpath CGO_ENABLED=0 \
      go install "$KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION" >"$CACHE_DIR/bin/kustomize-build.log" 2>&1; then
    show_log_tail "$CACHE_DIR/bin/kustomize-build.log"
    die "kustomize: build failed (full log $CACHE_DIR/bin/kustomize-build.log)"
  fi
  GOMODCACHE="$work/mod" GOCACHE="$work/build" go clean -cache -modcache >/dev/null 2>&1 || true
  rm -rf "$work"
  echo "$KUSTOMIZE_VERSION" >"$KUSTOMIZE_STAMP"
  log "kustomize: built in $(( SECONDS - t0 ))s"
}

case ${1:-install} in
  install) kustomize_install ;;
  path) echo "$KUSTOMIZE_BIN" ;;
  *) die "usage: kustomize.sh [install|path]" ;;
esac

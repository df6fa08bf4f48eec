#!/usr/bin/env bash
# A real S3-compatible server (MinIO) on 127.0.0.1:9000, console on 127.0.0.1:9001.
#
# MinIO publishes no binaries we can reach here, so it is compiled from source fetched
# through the Go module proxy. Its release tags (RELEASE.2025-...) are not semver, so the
# proxy only knows it by pseudo-version; the one pinned below is the newest commit the proxy
# resolved as @latest (Feb 2026). Its go.mod has no replace directives, so a plain
# `go install module@version` works. First build: 6-8 min on 2 cores, ~1.2 GB of module
# downloads; afterwards only the binary in .cache/bin is kept.
#
# Credentials/region match scripts/stack/env.sh. Requests must use path-style addressing
# (forcePathStyle) since there is no wildcard DNS for virtual-host buckets on loopback.
#
# Usage: s3.sh start|stop|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MINIO_MODULE=github.com/minio/minio
MINIO_VERSION=${FLYWHEEL_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}
MINIO_MIN_GO=1.24   # from MinIO's go.mod ("go 1.24.0")

S3_PORT=9000
S3_CONSOLE_PORT=9001
S3_ACCESS_KEY=flywheel
S3_SECRET_KEY=flywheel-secret
S3_REGION=us-east-1

MINIO_BIN="$CACHE_DIR/bin/minio"
MINIO_STAMP="$CACHE_DIR/bin/minio.version"
S3_STATE="$STATE_DIR/s3"
S3_DATA="$S3_STATE/data"
S3_LOGS="$S3_STATE/logs"
S3_PID="$S3_STATE/minio.pid"

go_at_least() {
  local have
  have=$(go env GOVERSION 2>/dev/null) || return 1
  have=${have#go}
  [[ $(printf '%s\n%s\n' "$1" "$have" | sort -V | head -n1) == "$1" ]]
}

s3_install() {
  if [[ -x $MINIO_BIN && -f $MINIO_STAMP && $(<"$MINIO_STAMP") == "$MINIO_VERSION" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null || ! go_at_least "$MINIO_MIN_GO"; then
    die "s3: Go >= $MINIO_MIN_GO is needed to build MinIO (found: $(go version 2>/dev/null || echo none)); Debian 12's golang-go is too old"
  fi
  local t0=$SECONDS
  log "s3: building $MINIO_MODULE@$MINIO_VERSION with $(go env GOVERSION) (first time only; several minutes)"
  mkdir -p "$CACHE_DIR/bin"
  # Module and build caches are kept inside .cache so nothing leaks into ~/go.
  # CGO off: a static binary, and no C toolchain needed. The ~250 "go: downloading" lines
  # go to a log that is shown only on failure.
  if ! GOBIN="$CACHE_DIR/bin" GOMODCACHE="$CACHE_DIR/go/mod" GOCACHE="$CACHE_DIR/go/build" \
      GOFLAGS=-trimpath CGO_ENABLED=0 \
      go install "$MINIO_MODULE@$MINIO_VERSION" >"$CACHE_DIR/bin/minio-build.log" 2>&1; then
    show_log_tail "$CACHE_DIR/bin/minio-build.log"
    die "s3: building MinIO failed (full log $CACHE_DIR/bin/minio-build.log)"
  fi
  echo "$MINIO_VERSION" >"$MINIO_STAMP"
  log "s3: built MinIO in $(( SECONDS - t0 ))s"
  # The ~2 GB of module sources and compiler cache are only useful for rebuilding this same
  # version, which never happens while the binary is cached; drop them unless asked to keep.
  if [[ ${FLYWHEEL_STACK_KEEP_GO_CACHE:-0} != 1 ]]; then
    GOMODCACHE="$CACHE_DIR/go/mod" GOCACHE="$CACHE_DIR/go/build" go clean -cache -modcache >&2 || true
    rm -rf "$CACHE_DIR/go"
  fi
}

s3_healthy() {
  # /minio/health/ready answers 200 only once the object layer is initialised (not just
  # once the socket listens).
  [[ $(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://$STACK_HOST:$S3_PORT/minio/health/ready") == 200 ]]
}

s3_status() {
  local pid
  if pid=$(pid_alive "$S3_PID" "$MINIO_BIN"); then
    if s3_healthy; then
      echo "s3: running (pid $pid) MinIO $MINIO_VERSION on http://$STACK_HOST:$S3_PORT (console http://$STACK_HOST:$S3_CONSOLE_PORT)"
      return 0
    fi
    echo "s3: process $pid alive but not healthy on $STACK_HOST:$S3_PORT"
    return 1
  fi
  echo "s3: stopped"
  return 3
}

s3_start() {
  command -v curl >/dev/null || apt_install curl ca-certificates
  local pid
  if pid=$(pid_alive "$S3_PID" "$MINIO_BIN"); then
    if wait_until 60 "MinIO health" s3_healthy; then
      log "s3: already running (pid $pid) on http://$STACK_HOST:$S3_PORT"
      return 0
    fi
    show_log_tail "$S3_LOGS/minio.log"
    die "s3: pid $pid is alive but MinIO is not healthy; run '$0 stop' and retry"
  fi
  local p
  for p in $S3_PORT $S3_CONSOLE_PORT; do
    port_open "$STACK_HOST" "$p" && die "s3: $STACK_HOST:$p is already in use by another process (not ours: no live pid in $S3_PID)"
  done

  s3_install
  mkdir -p "$S3_DATA" "$S3_LOGS"
  log "s3: starting MinIO on http://$STACK_HOST:$S3_PORT (console $STACK_HOST:$S3_CONSOLE_PORT), data $S3_DATA"
  rm -f "$S3_PID"
  # MINIO_UPDATE/…_CALLHOME off: the machine has no internet, don't let MinIO try.
  # setsid + inner `exec` so the recorded pid is the server itself and it outlives this shell.
  # shellcheck disable=SC2016  # $$ and $@ are meant for the inner shell
  MINIO_ROOT_USER=$S3_ACCESS_KEY MINIO_ROOT_PASSWORD=$S3_SECRET_KEY \
  MINIO_SITE_REGION=$S3_REGION MINIO_UPDATE=off MINIO_CALLHOME_ENABLE=off \
  MINIO_BROWSER_REDIRECT=off \
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$S3_PID" \
    "$MINIO_BIN" server --quiet --anonymous \
      --address "$STACK_HOST:$S3_PORT" --console-address "$STACK_HOST:$S3_CONSOLE_PORT" \
      "$S3_DATA" </dev/null >"$S3_LOGS/minio.log" 2>&1 &
  local deadline=$(( SECONDS + 5 ))
  until [[ -s $S3_PID ]] || (( SECONDS > deadline )); do sleep 0.1; done
  pid=$(<"$S3_PID")

  if ! wait_for_port "$STACK_HOST" "$S3_PORT" 60 "$pid" \
     || ! wait_until 60 "MinIO health" s3_healthy; then
    show_log_tail "$S3_LOGS/minio.log"
    die "s3: MinIO did not become ready (log $S3_LOGS/minio.log)"
  fi
  # A signed request proves the credentials, not just liveness (curl >= 7.75 signs SigV4).
  local code
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    --aws-sigv4 "aws:amz:$S3_REGION:s3" "http://$STACK_HOST:$S3_PORT/")
  [[ $code == 200 ]] || die "s3: MinIO is up but a signed ListBuckets returned HTTP $code"
  log "s3: ready (pid $pid) on http://$STACK_HOST:$S3_PORT, access key $S3_ACCESS_KEY, region $S3_REGION; log $S3_LOGS/minio.log"
}

s3_stop() {
  stop_pidfile s3 "$S3_PID" "$MINIO_BIN" 30
}

dispatch s3 "$@"

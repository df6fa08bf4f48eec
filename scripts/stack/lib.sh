# shellcheck shell=bash
# Shared helpers for the native integration-test stack (Kafka, PostgreSQL, S3).
# Sourced by the other scripts in this folder; never run directly.
#
# Layout (both folders are gitignored):
#   <repo>/.cache/  downloads and builds that survive `down.sh` (jars, Go build, binaries)
#   <repo>/.stack/  runtime state: data, logs, pid files; safe to delete when the stack is down

# Resolve paths from this file's location rather than `git rev-parse`, so the scripts
# also work from an exported tarball or a worktree without git metadata.
# shellcheck disable=SC2034  # these are used by the scripts that source this file
STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache"
STATE_DIR="$REPO_ROOT/.stack"

# Everything binds to loopback only: nothing here should ever be reachable off-machine.
STACK_HOST=127.0.0.1

log() { printf '[stack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[stack %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

# port_open HOST PORT -> 0 if something accepts TCP connections there.
# Uses bash's /dev/tcp so no netcat/ss is required on a fresh machine.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# wait_for_port HOST PORT DEADLINE_SECONDS [PID]
# Fails early if PID (the server we just launched) dies, so a crash is reported at once
# with its log instead of after the full deadline.
wait_for_port() {
  local host=$1 port=$2 deadline=$(( SECONDS + $3 )) pid=${4:-}
  until port_open "$host" "$port"; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited before $host:$port opened"
      return 1
    fi
    if (( SECONDS >= deadline )); then
      log "timed out waiting for $host:$port"
      return 1
    fi
    sleep 0.5
  done
}

# wait_until DEADLINE_SECONDS DESCRIPTION CMD... : retry CMD until it succeeds or time runs out.
wait_until() {
  local deadline=$(( SECONDS + $1 )) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "timed out waiting for $what"
      return 1
    fi
    sleep 1
  done
}

# pid_alive PIDFILE [CMDLINE_SUBSTRING] -> 0 if the pid file names a live process (prints
# the pid). Machines can be handed back with .stack/ intact but processes gone, so a pid may
# have been reused by something unrelated: the command line must also match.
pid_alive() {
  local f=$1 want=${2:-} pid
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n $want ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$want"; then
    return 1
  fi
  echo "$pid"
}

# stop_pidfile NAME PIDFILE CMDLINE_SUBSTRING [GRACE_SECONDS]: SIGTERM the recorded process
# (only that pid, never by name), escalate to SIGKILL after the grace period, remove the file.
stop_pidfile() {
  local name=$1 f=$2 want=$3 grace=${4:-30} pid deadline
  if ! pid=$(pid_alive "$f" "$want"); then
    log "$name: not running"
    rm -f "$f"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$(( SECONDS + grace ))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      log "$name: still alive after ${grace}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$f"
  log "$name: stopped"
}

# show_log_tail FILE: print the end of a log when a start fails, so CI output says why.
show_log_tail() {
  [[ -f $1 ]] || return 0
  log "last lines of $1:"
  tail -n 40 "$1" >&2 || true
}

# --- Go-built tools ---------------------------------------------------------------------
# go_tool_install NAME MODULE VERSION: `go install MODULE@VERSION` into $CACHE_DIR/bin, once.
# No release binaries are reachable here, so tools are compiled from source through the Go
# module proxy. A stamp file records the version, so a changed pin rebuilds; the module and
# build caches live in a scratch folder that is dropped afterwards (only the binary is kept).
# NAME is the binary's name as `go install` gives it (the module path's last element that is
# not a major version): $CACHE_DIR/bin/NAME.
go_tool_install() {
  local name=$1 module=$2 version=$3
  local bin="$CACHE_DIR/bin/$name" stamp="$CACHE_DIR/bin/$name.version" buildlog="$CACHE_DIR/bin/$name-build.log"
  if [[ -x $bin && -f $stamp && $(<"$stamp") == "$version" ]]; then
    return 0
  fi
  command -v go >/dev/null || die "$name: Go is needed to build $module (none on PATH)"
  local t0=$SECONDS work
  log "$name: building $module@$version with $(go env GOVERSION) (first time only)"
  mkdir -p "$CACHE_DIR/bin"
  work=$(mktemp -d "$CACHE_DIR/$name-build.XXXXXX")
  if ! GOBIN="$CACHE_DIR/bin" GOMODCACHE="$work/mod" GOCACHE="$work/build" GOFLAGS=-trimpath CGO_ENABLED=0 \
      go install "$module@$version" >"$buildlog" 2>&1; then
    show_log_tail "$buildlog"
    die "$name: build failed (full log $buildlog)"
  fi
  GOMODCACHE="$work/mod" GOCACHE="$work/build" go clean -cache -modcache >/dev/null 2>&1 || true
  rm -rf "$work"
  echo "$version" >"$stamp"
  log "$name: built in $(( SECONDS - t0 ))s"
}

# --- apt ------------------------------------------------------------------------------
# `apt-get update` is slow and hits the network, so it runs at most once per run and only
# when a package is actually missing. up.sh exports FLYWHEEL_STACK_APT_STAMP (a per-run
# temp file) so the three component scripts it calls share that "already updated" fact.
: "${FLYWHEEL_STACK_APT_STAMP:=}"

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# apt_install PKG... : install only the packages that are missing.
apt_install() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  (( ${#missing[@]} )) || return 0
  [[ $(id -u) -eq 0 ]] || die "need root to apt-get install ${missing[*]}"
  if [[ ${_STACK_APT_UPDATED:-} != 1 ]] && ! [[ -n $FLYWHEEL_STACK_APT_STAMP && -s $FLYWHEEL_STACK_APT_STAMP ]]; then
    log "apt-get update (needed for: ${missing[*]})"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    _STACK_APT_UPDATED=1
    if [[ -n $FLYWHEEL_STACK_APT_STAMP ]]; then echo updated >"$FLYWHEEL_STACK_APT_STAMP"; fi
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}" >&2
}

# The JVM tools (Kafka) need a JDK, not just a JRE: the readiness probe is a single-file
# Java program run by the source launcher, which needs the compiler module.
ensure_java() {
  if ! command -v java >/dev/null || ! command -v javac >/dev/null; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null || apt_install maven
}

# dispatch NAME "$@": common start|stop|status entry point, calling NAME_start etc.
dispatch() {
  local name=$1 cmd=${2:-start}
  case $cmd in
    start) "${name}_start" ;;
    stop) "${name}_stop" ;;
    status) "${name}_status" ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
  esac
}

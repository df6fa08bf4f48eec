#!/usr/bin/env bash
# PostgreSQL on 127.0.0.1:5432 with a throw-away cluster owned by this repo, so tests never
# touch a system cluster. Role/database/password: flywheel/flywheel/flywheel (SUPERUSER,
# because tests create schemas and databases of their own).
#
# The server refuses to run as root, so initdb/pg_ctl run as the `postgres` OS user (created
# by Debian's package). The data folder is .stack/postgres/data when that user can reach it;
# if a parent folder of the checkout is not traversable by other users (e.g. a clone under
# /root), the cluster goes to /var/lib/postgresql/flywheel-stack-<hash> instead, with a
# symlink at .stack/postgres/cluster pointing to it.
#
# Durability is switched off (fsync, synchronous_commit, full_page_writes): this cluster
# only holds test data, and the tests run noticeably faster without it. A machine crash can
# corrupt it; `down.sh` then `rm -rf .stack/postgres` gives a fresh one.
#
# Usage: postgres.sh start|stop|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_PORT=5432
PG_USER=flywheel
PG_PASSWORD=flywheel
PG_DB=flywheel
PG_URL="postgres://$PG_USER:$PG_PASSWORD@$STACK_HOST:$PG_PORT/$PG_DB"
PG_STATE="$STATE_DIR/postgres"

# Newest installed server version, e.g. /usr/lib/postgresql/15/bin (empty if none).
pg_find_bindir() {
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n1 || true)
  [[ -n $d && -x $d/postgres ]] && echo "$d"
  return 0
}

pg_install() {
  PG_BIN=$(pg_find_bindir)
  [[ -n $PG_BIN ]] && return 0
  local t0=$SECONDS
  # Debian's package would otherwise create and start its own "main" cluster on 5432,
  # which then collides with ours.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/flywheel-stack.conf
  apt_install postgresql
  PG_BIN=$(pg_find_bindir)
  [[ -n $PG_BIN ]] || die "postgres: installed the package but found no /usr/lib/postgresql/*/bin/postgres"
  log "postgres: installed $("$PG_BIN/postgres" --version) in $(( SECONDS - t0 ))s"
}

# Run a command as the postgres OS user, from a folder it can always enter.
as_pg() { (cd / && runuser -u postgres -- "$@"); }

# Decide where the cluster lives (see header): sets PG_HOME (holding data/, run/ and
# postgres.log, all owned by the postgres user), PG_DATA, PG_SOCK and PG_LOG.
pg_layout() {
  id postgres >/dev/null 2>&1 || die "postgres: OS user 'postgres' is missing (is the postgresql package installed?)"
  mkdir -p "$PG_STATE"
  if [[ -L $PG_STATE/cluster ]]; then
    PG_HOME=$(readlink "$PG_STATE/cluster")
  elif as_pg test -x "$PG_STATE"; then
    PG_HOME=$PG_STATE
  else
    PG_HOME="/var/lib/postgresql/flywheel-stack-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-10)"
    log "postgres: $PG_STATE is not reachable by the postgres user; using $PG_HOME (linked from $PG_STATE/cluster)"
    ln -sfn "$PG_HOME" "$PG_STATE/cluster"
  fi
  PG_DATA="$PG_HOME/data"
  PG_LOG="$PG_HOME/postgres.log"
  # Unix socket paths are limited to ~107 bytes, so a deep checkout falls back to /tmp.
  PG_SOCK="$PG_HOME/run"
  if (( ${#PG_SOCK} > 80 )); then
    PG_SOCK="/tmp/flywheel-pg-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-10)"
  fi
}

pg_running() { [[ -n ${PG_DATA:-} ]] && as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; }

# Does something on 127.0.0.1:5432 accept our URL? (Used both for our cluster and to
# tolerate a server someone else already provisioned the same way.)
pg_url_works() {
  PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" "$PG_URL" -XAtqc 'select 1' >/dev/null 2>&1
}

pg_status() {
  PG_BIN=$(pg_find_bindir)
  [[ -n $PG_BIN ]] || { echo "postgres: not installed"; return 3; }
  pg_layout
  if pg_running; then
    if pg_url_works; then
      echo "postgres: running ($("$PG_BIN/postgres" --version | awk '{print $3}')) on $STACK_HOST:$PG_PORT, data $PG_DATA, url $PG_URL"
      return 0
    fi
    echo "postgres: cluster in $PG_DATA is up but $PG_URL does not work"
    return 1
  fi
  if port_open "$STACK_HOST" "$PG_PORT" && pg_url_works; then
    echo "postgres: another server on $STACK_HOST:$PG_PORT accepts $PG_URL (not managed by this script)"
    return 0
  fi
  echo "postgres: stopped"
  return 3
}

pg_start() {
  pg_install
  pg_layout
  if pg_running; then
    wait_until 30 "postgres accepting $PG_URL" pg_url_works \
      || die "postgres: our cluster is running but $PG_URL is refused; see $PG_LOG"
    log "postgres: already running on $STACK_HOST:$PG_PORT (data $PG_DATA)"
    return 0
  fi
  if port_open "$STACK_HOST" "$PG_PORT"; then
    if pg_url_works; then
      log "postgres: $STACK_HOST:$PG_PORT is served by another PostgreSQL that already accepts $PG_URL; using it"
      return 0
    fi
    die "postgres: $STACK_HOST:$PG_PORT is taken by another server that does not accept $PG_URL. Stop it first (e.g. 'pg_ctlcluster <ver> main stop' for Debian's cluster)."
  fi

  mkdir -p "$PG_DATA" "$PG_SOCK"
  [[ $PG_HOME == "$PG_STATE" ]] || chown postgres:postgres "$PG_HOME"
  chown postgres:postgres "$PG_DATA" "$PG_SOCK"
  chmod 700 "$PG_DATA"
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"

  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "postgres: initdb in $PG_DATA"
    # Peer auth on the socket lets the postgres OS user administer; TCP needs a password.
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --no-locale \
      --auth-local=peer --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 \
      || { show_log_tail "$PG_LOG"; die "postgres: initdb failed"; }
  fi

  log "postgres: starting $("$PG_BIN/postgres" --version) on $STACK_HOST:$PG_PORT, socket dir $PG_SOCK, data $PG_DATA"
  # pg_ctl -w waits (up to -t seconds) until the server accepts connections. It forks the
  # postmaster into the background itself, so it outlives this script.
  as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -o "\
-c listen_addresses=$STACK_HOST -p $PG_PORT -c unix_socket_directories=$PG_SOCK \
-c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { show_log_tail "$PG_LOG"; die "postgres: pg_ctl start failed"; }

  local psql=("$PG_BIN/psql" -h "$PG_SOCK" -p "$PG_PORT" -U postgres -XAtq -v ON_ERROR_STOP=1)
  # Idempotent: (re)sets the password too, in case the cluster was created by hand.
  as_pg "${psql[@]}" -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN SUPERUSER;
  END IF;
END \$\$;
ALTER ROLE $PG_USER WITH LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
SQL
  if [[ -z $(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") ]]; then
    as_pg "${psql[@]}" -d postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
  fi
  wait_until 30 "postgres accepting $PG_URL" pg_url_works \
    || die "postgres: server started but $PG_URL is refused; see $PG_LOG"
  log "postgres: ready on $STACK_HOST:$PG_PORT: $PG_URL (log $PG_LOG)"
}

pg_stop() {
  PG_BIN=$(pg_find_bindir)
  [[ -n $PG_BIN ]] || { log "postgres: not installed"; return 0; }
  pg_layout
  if ! pg_running; then
    log "postgres: not running"
    return 0
  fi
  log "postgres: stopping cluster in $PG_DATA"
  as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null
  log "postgres: stopped"
}

dispatch pg "$@"

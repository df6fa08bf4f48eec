#!/usr/bin/env bash
# Keeps the kernel from handing Flywheel's default ports to outgoing connections.
#
# The default ports (50051-50055 gRPC, 5000-5001 and 8000-8001 HTTP, 9464 admin) lie inside
# Linux's ephemeral range (32768-60999). During a test run hundreds of client sockets (pg pools,
# Kafka clients) take ephemeral local ports, and one of them sitting on 50054 is enough to make
# the README e2e test, which starts the platform on its defaults, fail with EADDRINUSE.
# ip_local_reserved_ports excludes ports from automatic assignment only; explicit binds still work.
# Adds to whatever is reserved already (once). Needs root; otherwise it says so and changes
# nothing. Run before the stack's servers start (up.sh does): a reservation does not move a
# connection that already holds one of the ports, so it warns about any it finds.
set -euo pipefail
FILE=/proc/sys/net/ipv4/ip_local_reserved_ports
PORTS="5000-5001,8000-8001,9464,50051-50055"

[ -r "$FILE" ] || { echo "reserve-ports: $FILE not available; default ports not reserved"; exit 0; }
current="$(cat "$FILE")"
if [[ ",$current," == *",$PORTS,"* ]]; then
  : # reserved by an earlier run
elif ! (echo "${current:+$current,}$PORTS" > "$FILE") 2>/dev/null; then
  echo "reserve-ports: cannot write $FILE (needs root); the platform's default ports may collide with ephemeral client ports"
  exit 0
fi
# Connections (not listeners) already sitting on a default port keep it until they close.
if command -v ss >/dev/null; then
  held=$(ss -Htanp state established '( sport = :5000 or sport = :5001 or sport = :8000 or sport = :8001 or sport = :9464 or sport >= :50051 and sport <= :50055 )' 2>/dev/null || true)
  if [[ -n "$held" ]]; then
    echo "reserve-ports: WARNING: connections already hold default platform ports (restart their processes to free them):"
    echo "$held"
  fi
fi

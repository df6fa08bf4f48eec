#!/usr/bin/env bash
# Keeps the kernel from handing Flywheel's default ports to outgoing connections.
#
# The default ports (50051-50055 gRPC, 5000-5001 and 8000-8001 HTTP, 9464 admin) lie inside
# Linux's ephemeral range (32768-60999). During a test run hundreds of client sockets (pg pools,
# Kafka clients) take ephemeral local ports, and one of them sitting on 50054 is enough to make
# the README e2e test, which starts the platform on its defaults, fail with EADDRINUSE.
# ip_local_reserved_ports excludes ports from automatic assignment only; explicit binds still work.
# Adds to whatever is reserved already. Needs root; otherwise it says so and changes nothing.
set -euo pipefail
FILE=/proc/sys/net/ipv4/ip_local_reserved_ports
PORTS="5000-5001,8000-8001,9464,50051-50055"

[ -r "$FILE" ] || { echo "reserve-ports: $FILE not available; default ports not reserved"; exit 0; }
current="$(cat "$FILE")"
wanted="${current:+$current,}$PORTS"
if ! (echo "$wanted" > "$FILE") 2>/dev/null; then
  echo "reserve-ports: cannot write $FILE (needs root); the platform's default ports may collide with ephemeral client ports"
  exit 0
fi

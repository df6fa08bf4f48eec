#!/usr/bin/env bash
# Creates Flywheel's topics up front (producers never create topics at run time).
# Usage: create-topics.sh <bootstrap-server> [partitions]
set -euo pipefail
bootstrap=${1:?bootstrap server, e.g. kafka:9092}
partitions=${2:-6}
topics=(
  flywheel.inference.logs.v1
  flywheel.inference.feedback.v1
  flywheel.registry.events.v1
  flywheel.monitoring.drift.v1
  flywheel.orchestration.commands.v1
  flywheel.deployment.events.v1
  flywheel.tracking.runs.v1
)
for topic in "${topics[@]}"; do
  for name in "$topic" "$topic.dlq"; do
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
      --topic "$name" --partitions "$partitions" --replication-factor 1
  done
done

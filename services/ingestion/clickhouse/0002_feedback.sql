-- Ground truth per request. A late or repeated label replaces the earlier one: read with FINAL
-- (or argMax(label, ingested_at)); merges keep the row with the latest ingested_at.
CREATE TABLE IF NOT EXISTS {database:Identifier}.feedback
(
    request_id String,
    model_name LowCardinality(String),
    label String,
    value Float64,
    timestamp DateTime64(3, 'UTC'),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(ingested_at)
ORDER BY request_id
TTL toDateTime(timestamp) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000;

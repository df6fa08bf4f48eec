-- One row per inference, as the serving gateway or an external producer logged it.
-- Partitioned by day so retention drops whole partitions; ordered for per-model windows.
-- The deduplication window makes a replayed insert (same insert_deduplication_token) a no-op;
-- the retention TTL is set from FLYWHEEL_INGESTION_RETENTION_DAYS at start-up (MODIFY TTL).
CREATE TABLE IF NOT EXISTS {database:Identifier}.inference_logs
(
    request_id String,
    model_name LowCardinality(String),
    model_version UInt32,
    variant LowCardinality(String),
    timestamp DateTime64(3, 'UTC'),
    numeric_features Map(LowCardinality(String), Float64),
    categorical_features Map(LowCardinality(String), String),
    prediction_score Float64,
    prediction_label String,
    raw_outputs Map(LowCardinality(String), Float64),
    latency_ms Float64,
    status LowCardinality(String),
    error String,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (model_name, model_version, timestamp)
TTL toDateTime(timestamp) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000;

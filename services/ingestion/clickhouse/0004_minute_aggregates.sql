-- Per-minute pre-aggregates, filled by materialized views on every insert into inference_logs,
-- so a drift or health window reads minutes of partial aggregates instead of raw rows.
-- Merge the states when reading: countMerge, quantilesTDigestMerge(0.5, 0.9, 0.99)(...), etc.
CREATE TABLE IF NOT EXISTS {database:Identifier}.inference_minutes
(
    model_name LowCardinality(String),
    model_version UInt32,
    variant LowCardinality(String),
    minute DateTime('UTC'),
    requests AggregateFunction(count),
    errors AggregateFunction(countIf, UInt8),
    latency_ms AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64),
    score AggregateFunction(quantilesTDigest(0.1, 0.25, 0.5, 0.75, 0.9), Float64),
    score_sum AggregateFunction(sum, Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(minute)
ORDER BY (model_name, model_version, variant, minute)
TTL minute + INTERVAL 90 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database:Identifier}.inference_minutes_mv
TO {database:Identifier}.inference_minutes
AS SELECT
    model_name,
    model_version,
    variant,
    toStartOfMinute(timestamp) AS minute,
    countState() AS requests,
    countIfState(status = 'error') AS errors,
    quantilesTDigestState(0.5, 0.9, 0.99)(latency_ms) AS latency_ms,
    quantilesTDigestState(0.1, 0.25, 0.5, 0.75, 0.9)(prediction_score) AS score,
    sumState(prediction_score) AS score_sum
FROM {database:Identifier}.inference_logs
GROUP BY model_name, model_version, variant, minute;

-- One row per model version, variant, minute and numeric feature.
CREATE TABLE IF NOT EXISTS {database:Identifier}.numeric_feature_minutes
(
    model_name LowCardinality(String),
    model_version UInt32,
    variant LowCardinality(String),
    minute DateTime('UTC'),
    feature LowCardinality(String),
    values AggregateFunction(count, Float64),
    sum AggregateFunction(sum, Float64),
    min AggregateFunction(min, Float64),
    max AggregateFunction(max, Float64),
    quantiles AggregateFunction(quantilesBFloat16(0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99), Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(minute)
ORDER BY (model_name, model_version, variant, feature, minute)
TTL minute + INTERVAL 90 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database:Identifier}.numeric_feature_minutes_mv
TO {database:Identifier}.numeric_feature_minutes
AS SELECT
    model_name,
    model_version,
    variant,
    toStartOfMinute(timestamp) AS minute,
    feature_value.1 AS feature,
    countState(feature_value.2) AS values,
    sumState(feature_value.2) AS sum,
    minState(feature_value.2) AS min,
    maxState(feature_value.2) AS max,
    quantilesBFloat16State(0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)(feature_value.2) AS quantiles
FROM {database:Identifier}.inference_logs
ARRAY JOIN CAST(numeric_features, 'Array(Tuple(String, Float64))') AS feature_value
GROUP BY model_name, model_version, variant, minute, feature;

-- One row per model version, variant, minute, categorical feature and category.
CREATE TABLE IF NOT EXISTS {database:Identifier}.categorical_feature_minutes
(
    model_name LowCardinality(String),
    model_version UInt32,
    variant LowCardinality(String),
    minute DateTime('UTC'),
    feature LowCardinality(String),
    category String,
    count UInt64
)
ENGINE = SummingMergeTree(count)
PARTITION BY toDate(minute)
ORDER BY (model_name, model_version, variant, feature, minute, category)
TTL minute + INTERVAL 90 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database:Identifier}.categorical_feature_minutes_mv
TO {database:Identifier}.categorical_feature_minutes
AS SELECT
    model_name,
    model_version,
    variant,
    toStartOfMinute(timestamp) AS minute,
    feature_value.1 AS feature,
    feature_value.2 AS category,
    count() AS count
FROM {database:Identifier}.inference_logs
ARRAY JOIN CAST(categorical_features, 'Array(Tuple(String, String))') AS feature_value
GROUP BY model_name, model_version, variant, minute, feature, category;

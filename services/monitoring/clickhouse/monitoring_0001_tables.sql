-- Monitoring's own tables. Rows are keyed by model, version and window and written with
-- ReplacingMergeTree(computed_at): reprocessing a window after a crash replaces its rows, so
-- readers (Grafana, the scheduler) read them with FINAL and never count a window twice.

-- One row per feature per window: the drift test, its score and verdict.
CREATE TABLE IF NOT EXISTS {database:Identifier}.drift_metrics
(
    model_name LowCardinality(String),
    model_version UInt32,
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    feature String,
    -- 'numeric' or 'categorical'; the prediction score is feature 'prediction', is_prediction = 1
    kind LowCardinality(String),
    is_prediction UInt8,
    -- Evidently's test names: ks, wasserstein, psi, jensenshannon, chisquare, z
    test LowCardinality(String),
    -- how the window was summarised: values, ks-grid, sketch, bins, categories
    method LowCardinality(String),
    score_kind LowCardinality(String),
    -- the p-value (ks, chisquare, z) or the distance the threshold applies to
    score Float64,
    -- the test statistic (KS D, chi-square) or the distance
    statistic Float64,
    threshold Float64,
    drifted UInt8,
    reference_rows UInt64,
    current_rows UInt64,
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(window_start)
ORDER BY (model_name, model_version, window_start, feature, is_prediction);

-- One row per model version per window: dataset drift, the decision state, canary health and
-- live performance. The newest row of a model is the scheduler's progress and hysteresis state.
CREATE TABLE IF NOT EXISTS {database:Identifier}.window_summaries
(
    model_name LowCardinality(String),
    model_version UInt32,
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    report_id String,
    reference_source String,
    row_count UInt64,
    features_evaluated UInt32,
    features_drifted UInt32,
    drift_share Float64,
    dataset_drift UInt8,
    prediction_drift_score Nullable(Float64),
    -- stable, pending, retrain, cooldown, no-data
    retrain_decision LowCardinality(String),
    retrain_command_id String,
    streak UInt32,
    cooldown_remaining UInt32,
    canary_version UInt32,
    -- '' (no canary traffic), insufficient-data, healthy, breached
    canary_status LowCardinality(String),
    canary_requests UInt64,
    canary_error_rate Float64,
    canary_p99_latency_ms Float64,
    champion_requests UInt64,
    champion_error_rate Float64,
    champion_p99_latency_ms Float64,
    prediction_distance Float64,
    rollback_command_id String,
    rolled_back_canary_version UInt32,
    labeled_rows UInt64,
    accuracy Nullable(Float64),
    precision Nullable(Float64),
    recall Nullable(Float64),
    auc Nullable(Float64),
    label_delay_avg_ms Nullable(Float64),
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(window_start)
ORDER BY (model_name, model_version, window_start);

-- The per-feature minute quantiles become a t-digest, the sketch monitoring and inference_minutes
-- already use. quantilesBFloat16 cost about 4 µs of engine CPU per inserted row here (20 numeric
-- features: its state is a hash map of every distinct bfloat16 value, written per minute and
-- feature on every insert); the t-digest view costs about a tenth of that. Reading is
-- `quantilesTDigestMerge(<any levels>)(sketch)`. The bfloat16 states already stored are dropped
-- with their column: no service reads them, and the two sketches cannot be merged together.
DROP VIEW IF EXISTS {database:Identifier}.numeric_feature_minutes_mv;

ALTER TABLE {database:Identifier}.numeric_feature_minutes DROP COLUMN IF EXISTS quantiles;

ALTER TABLE {database:Identifier}.numeric_feature_minutes
    ADD COLUMN IF NOT EXISTS sketch AggregateFunction(quantilesTDigest(0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99), Float64);

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
    quantilesTDigestState(0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)(feature_value.2) AS sketch
FROM {database:Identifier}.inference_logs
ARRAY JOIN CAST(numeric_features, 'Array(Tuple(String, Float64))') AS feature_value
GROUP BY model_name, model_version, variant, minute, feature;

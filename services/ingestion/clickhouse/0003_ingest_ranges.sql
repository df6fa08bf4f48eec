-- The ingestion service's write-ahead journal: the offset range of each insert, recorded before
-- the insert. After a crash, the batch that was in flight is cut at exactly the recorded range
-- and inserted again with the same deduplication token, so ClickHouse drops it if it had landed.
CREATE TABLE IF NOT EXISTS {database:Identifier}.ingest_ranges
(
    topic LowCardinality(String),
    partition UInt32,
    first_offset UInt64,
    last_offset UInt64,
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (topic, partition, first_offset)
TTL toDateTime(recorded_at) + INTERVAL 7 DAY;

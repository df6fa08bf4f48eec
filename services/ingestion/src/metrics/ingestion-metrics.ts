import { type Attributes, type Meter, metrics } from '@opentelemetry/api';

interface PartitionLag {
  records?: number;
  ms: number;
}

/**
 * The ingestion service's metrics, on the process's OpenTelemetry meter (served on /metrics by
 * the admin port): rows stored and rows/s (`rate(ingest_rows_total[1m])`), batch size, insert
 * latency, dead letters, insert retries while ClickHouse is unavailable, feature-schema lookups
 * that found the registry unreachable, inference logs accepted by path (bytes or decoded), and
 * consumer lag per partition.
 */
export class IngestionMetrics {
  private readonly rows;
  private readonly batchRows;
  private readonly insertDuration;
  private readonly deadLetters;
  private readonly insertRetries;
  private readonly schemaUnavailable;
  private readonly logPaths;
  private readonly lag = new Map<string, { attributes: Attributes; lag: PartitionLag }>();

  constructor(meter: Meter = metrics.getMeter('flywheel.ingestion')) {
    this.rows = meter.createCounter('ingest_rows', {
      description: 'Rows inserted into ClickHouse (acknowledged inserts)',
    });
    this.batchRows = meter.createHistogram('ingest_batch_rows', {
      description: 'Rows per ClickHouse insert',
      advice: { explicitBucketBoundaries: [1, 10, 100, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 50_000] },
    });
    this.insertDuration = meter.createHistogram('ingest_insert_duration', {
      description: 'Time from sending an insert to its acknowledgement, retries included',
      unit: 'ms',
      advice: { explicitBucketBoundaries: [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000] },
    });
    this.deadLetters = meter.createCounter('ingest_dead_letters', {
      description: 'Records sent to the DLQ (invalid or undecodable)',
    });
    this.insertRetries = meter.createCounter('ingest_insert_retries', {
      description: 'Inserts retried because ClickHouse failed or was unreachable',
    });
    this.schemaUnavailable = meter.createCounter('ingest_schema_unavailable', {
      description: 'Batches stored without feature-schema checks because the registry was unreachable',
    });
    this.logPaths = meter.createCounter('ingest_logs_accepted', {
      description:
        'Inference logs accepted for storage, by path: "bytes" (copied from protobuf) or "decoded" (JSON, other encodings)',
    });
    meter
      .createObservableGauge('ingest_consumer_lag', {
        description: 'Records behind the partition high watermark after the last stored batch',
      })
      .addCallback((result) =>
        this.lag.forEach(
          ({ attributes, lag }) => lag.records !== undefined && result.observe(lag.records, attributes),
        ),
      );
    meter
      .createObservableGauge('ingest_consumer_lag_time', {
        description: 'Age of the last stored record when it was stored',
        unit: 'ms',
      })
      .addCallback((result) => this.lag.forEach(({ attributes, lag }) => result.observe(lag.ms, attributes)));
  }

  stored(table: string, rows: number, durationMs: number): void {
    this.rows.add(rows, { table });
    this.batchRows.record(rows, { table });
    this.insertDuration.record(durationMs, { table });
  }

  deadLettered(topic: string, count: number): void {
    if (count > 0) this.deadLetters.add(count, { topic });
  }

  insertRetried(table: string): void {
    this.insertRetries.add(1, { table });
  }

  logsAccepted(path: 'bytes' | 'decoded', count: number): void {
    if (count > 0) this.logPaths.add(count, { path });
  }

  schemaLookupFailed(topic: string): void {
    this.schemaUnavailable.add(1, { topic });
  }

  /** Lag of a partition after a stored batch: records behind the high watermark, and age of its last record. */
  caughtUp(topic: string, partition: number, lag: PartitionLag): void {
    this.lag.set(`${topic}/${partition}`, { attributes: { topic, partition }, lag });
  }
}

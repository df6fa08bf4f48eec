import { type Attributes, type Observable, type ObservableCallback, metrics } from '@opentelemetry/api';

const LATENCY_BUCKETS_MS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

/**
 * Series beyond this many (model, version, variant) triples share one overflow series, as the
 * OpenTelemetry SDK does past its cardinality limit (2000 per instrument by default, kept above
 * this one): model names come from requests, so unknown names must not grow the table forever.
 */
export const MAX_SERVING_SERIES = 1000;
const OVERFLOW_ATTRIBUTES: Attributes = { 'otel.metric.overflow': true };

/** The counts of one (model, version, variant) series, kept here and read at collection. */
export interface ServingSeries {
  readonly attributes: Attributes;
  inFlight: number;
  requests: number;
  errors: number;
}

/** The inference log buffer's counts (LogBuffer has them), read when metrics are collected. */
export interface LogCounts {
  /** Logs dropped because the buffer was full (or closed). */
  readonly dropped: number;
  /** Logs Kafka acknowledged. */
  readonly sent: number;
  /** Logs waiting in the buffer or in the send under way. */
  readonly pending: number;
}

export const NO_LOGS: LogCounts = { dropped: 0, sent: 0, pending: 0 };

/** Dynamic batching counts of one loaded model version (see MicroBatcher). */
export interface ModelRunCounts {
  model: string;
  version: number;
  runs: number;
  batchedRequests: number;
}

/**
 * Prometheus metrics of the gateway (through the process's OpenTelemetry meter provider):
 * `flywheel_serving_requests_total`, `flywheel_serving_errors_total`,
 * `flywheel_serving_latency_ms` (histogram) and `flywheel_serving_in_flight`, each by model,
 * version and variant; plus the inference log buffer's `flywheel_serving_log_sent_total`,
 * `flywheel_serving_log_dropped_total` and `flywheel_serving_log_pending`, and
 * `flywheel_serving_rejected_total` (concurrency cap); per loaded model version,
 * `flywheel_serving_model_runs_total` and `flywheel_serving_batched_requests_total` (requests that
 * shared a run with others: dynamic batching at work when it grows faster than the runs).
 *
 * Requests, errors and in-flight are plain numbers on the series, observed when the metrics are
 * collected, so a request costs one instrument call (the histogram) instead of four, each of
 * which would hash the attribute set again.
 */
export class ServingMetrics {
  private readonly meter = metrics.getMeter('flywheel.serving-gateway');
  private readonly latency = this.meter.createHistogram('flywheel.serving.latency', {
    unit: 'ms',
    description: 'inference latency in the gateway, decode to encode',
    advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
  });
  private readonly rejected = this.meter.createCounter('flywheel.serving.rejected', {
    description: 'requests refused by the concurrency cap',
  });
  private readonly series = new Map<string, ServingSeries>();
  private overflow: ServingSeries | undefined;
  private readonly detachers: (() => void)[] = [];

  constructor(logs: LogCounts = NO_LOGS, modelRuns: () => Iterable<ModelRunCounts> = () => []) {
    this.observeRuns(
      'runs',
      modelRuns,
      this.meter.createObservableCounter('flywheel.serving.model_runs', {
        description: 'runs of a loaded model version (one run may answer several requests)',
      }),
    );
    this.observeRuns(
      'batchedRequests',
      modelRuns,
      this.meter.createObservableCounter('flywheel.serving.batched_requests', {
        description: 'requests answered by a run shared with other requests (dynamic batching)',
      }),
    );
    this.attach(
      this.meter.createObservableCounter('flywheel.serving.log_dropped', {
        description: 'inference logs dropped because the log buffer was full',
      }),
      (result) => result.observe(logs.dropped),
    );
    this.attach(
      this.meter.createObservableCounter('flywheel.serving.log_sent', {
        description: 'inference logs Kafka acknowledged',
      }),
      (result) => result.observe(logs.sent),
    );
    this.attach(
      this.meter.createObservableGauge('flywheel.serving.log_pending', {
        description: 'inference logs waiting in the log buffer or being sent',
      }),
      (result) => result.observe(logs.pending),
    );
    this.observe(
      'requests',
      this.meter.createObservableCounter('flywheel.serving.requests', {
        description: 'inference requests, shadow copies included',
      }),
    );
    this.observe(
      'errors',
      this.meter.createObservableCounter('flywheel.serving.errors', {
        description: 'inference requests that failed',
      }),
    );
    this.observe(
      'inFlight',
      this.meter.createObservableUpDownCounter('flywheel.serving.in_flight', {
        description: 'inference requests being served',
      }),
    );
  }

  started(model: string, version: number, variant: string): ServingSeries {
    const series = this.seriesOf(model, version, variant);
    series.inFlight++;
    return series;
  }

  finished(series: ServingSeries, latencyMs: number, failed: boolean): void {
    series.inFlight--;
    series.requests++;
    if (failed) series.errors++;
    this.latency.record(latencyMs, series.attributes);
  }

  /** A request that failed before a version was chosen (unknown model, malformed input). */
  failedBeforeRouting(model: string): void {
    const series = this.seriesOf(model, 0, 'unspecified');
    series.requests++;
    series.errors++;
  }

  rejectedByCap(): void {
    this.rejected.add(1);
  }

  /** Stops reporting this instance's counts (a gateway closed in a process that goes on). */
  close(): void {
    for (const detach of this.detachers.splice(0)) detach();
  }

  private observe(count: 'requests' | 'errors' | 'inFlight', instrument: Observable): void {
    this.attach(instrument, (result) => {
      for (const series of this.series.values()) result.observe(series[count], series.attributes);
      if (this.overflow) result.observe(this.overflow[count], this.overflow.attributes);
    });
  }

  /** One count of every loaded model version, labelled by model and version. */
  private observeRuns(
    count: 'runs' | 'batchedRequests',
    modelRuns: () => Iterable<ModelRunCounts>,
    instrument: Observable,
  ): void {
    this.attach(instrument, (result) => {
      for (const counts of modelRuns())
        result.observe(counts[count], { model: counts.model, version: String(counts.version) });
    });
  }

  private attach(instrument: Observable, callback: ObservableCallback): void {
    instrument.addCallback(callback);
    this.detachers.push(() => instrument.removeCallback(callback));
  }

  private seriesOf(model: string, version: number, variant: string): ServingSeries {
    const key = `${model}\u0000${version}\u0000${variant}`;
    let series = this.series.get(key);
    if (series) return series;
    if (this.series.size >= MAX_SERVING_SERIES) return (this.overflow ??= newSeries(OVERFLOW_ATTRIBUTES));
    series = newSeries({ model, version: String(version), variant });
    this.series.set(key, series);
    return series;
  }
}

function newSeries(attributes: Attributes): ServingSeries {
  return { attributes, inFlight: 0, requests: 0, errors: 0 };
}

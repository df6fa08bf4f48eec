import { type Attributes, metrics } from '@opentelemetry/api';

const LATENCY_BUCKETS_MS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

/**
 * Prometheus metrics of the gateway (through the process's OpenTelemetry meter provider):
 * `flywheel_serving_requests_total`, `flywheel_serving_errors_total`,
 * `flywheel_serving_latency_ms` (histogram) and `flywheel_serving_in_flight`, each by model,
 * version and variant; plus `flywheel_serving_log_dropped_total` and
 * `flywheel_serving_rejected_total` (concurrency cap).
 */
export class ServingMetrics {
  private readonly meter = metrics.getMeter('flywheel.serving-gateway');
  private readonly requests = this.meter.createCounter('flywheel.serving.requests', { description: 'inference requests, shadow copies included' });
  private readonly errors = this.meter.createCounter('flywheel.serving.errors', { description: 'inference requests that failed' });
  private readonly latency = this.meter.createHistogram('flywheel.serving.latency', {
    unit: 'ms',
    description: 'inference latency in the gateway, decode to encode',
    advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
  });
  private readonly inFlight = this.meter.createUpDownCounter('flywheel.serving.in_flight', { description: 'inference requests being served' });
  private readonly rejected = this.meter.createCounter('flywheel.serving.rejected', { description: 'requests refused by the concurrency cap' });
  private readonly attributeCache = new Map<string, Attributes>();

  constructor(droppedLogs: () => number) {
    this.meter
      .createObservableCounter('flywheel.serving.log_dropped', { description: 'inference logs dropped because the log buffer was full' })
      .addCallback((result) => result.observe(droppedLogs()));
  }

  started(model: string, version: number, variant: string): Attributes {
    const attributes = this.attributesOf(model, version, variant);
    this.inFlight.add(1, attributes);
    return attributes;
  }

  finished(attributes: Attributes, latencyMs: number, failed: boolean): void {
    this.inFlight.add(-1, attributes);
    this.requests.add(1, attributes);
    this.latency.record(latencyMs, attributes);
    if (failed) this.errors.add(1, attributes);
  }

  /** A request that failed before a version was chosen (unknown model, malformed input). */
  failedBeforeRouting(model: string): void {
    const attributes = this.attributesOf(model, 0, 'unspecified');
    this.requests.add(1, attributes);
    this.errors.add(1, attributes);
  }

  rejectedByCap(): void {
    this.rejected.add(1);
  }

  private attributesOf(model: string, version: number, variant: string): Attributes {
    const key = `${model}\u0000${version}\u0000${variant}`;
    let attributes = this.attributeCache.get(key);
    if (!attributes) {
      attributes = { model, version: String(version), variant };
      // Bounded: model names come from requests, so unknown names must not grow this forever.
      if (this.attributeCache.size < 10_000) this.attributeCache.set(key, attributes);
    }
    return attributes;
  }
}

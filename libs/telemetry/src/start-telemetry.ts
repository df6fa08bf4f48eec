import { metrics } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { DestinationStream } from 'pino';
import { isHandTracedGrpcMethod } from './hand-traced-grpc';
import { configureLogging } from './logger';
import { PrometheusMetrics } from './prometheus-metrics';
import { registerRuntimeMetrics } from './runtime-metrics';

export interface TelemetryOptions {
  /** `service.name` of traces and metrics, `service` of log lines. */
  serviceName: string;
  /** OTLP/HTTP collector base URL (e.g. http://127.0.0.1:4318); unset: spans are not exported. */
  otlpEndpoint?: string;
  /** pino level name (default info). */
  logLevel?: string;
  /** Log destination (default stdout). */
  logDestination?: DestinationStream;
  /**
   * Auto-instrumentations; default gRPC (grpc-js; hand-traced methods excepted) and HTTP,
   * ignoring the admin endpoints.
   */
  instrumentations?: Instrumentation[];
}

export interface Telemetry {
  readonly serviceName: string;
  /** Every metric in the Prometheus text format, for the admin server's `/metrics`. */
  renderMetrics(): Promise<string>;
  /** Flushes pending spans and stops the SDK. */
  shutdown(): Promise<void>;
}

// Probes and scrapes arrive every few seconds; spans for them would drown real traffic.
const UNTRACED_PATHS = ['/healthz', '/readyz', '/metrics'];

let started: Telemetry | undefined;

/**
 * Starts OpenTelemetry and structured logging for this process. Call it first in `main`,
 * before Nest or gRPC are loaded, so the instrumentations can patch them. Spans propagate as
 * W3C `traceparent` (and `baggage`); metrics are pulled through `renderMetrics()`.
 * @throws Error when called twice in one process.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started !== undefined) {
    throw new Error(`startTelemetry: already started for ${started.serviceName}; call it once per process`);
  }
  configureLogging({
    serviceName: options.serviceName,
    ...(options.logLevel !== undefined && { level: options.logLevel }),
    ...(options.logDestination !== undefined && { destination: options.logDestination }),
  });

  const prometheus = new PrometheusMetrics();
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    metricReaders: [prometheus.reader],
    spanProcessors: [spanProcessor(options.otlpEndpoint)],
    // Logs go to stdout as JSON lines; no OTLP log pipeline.
    logRecordProcessors: [],
    instrumentations: options.instrumentations ?? defaultInstrumentations(),
  });
  sdk.start();
  const stopRuntimeMetrics = registerRuntimeMetrics(metrics.getMeter('flywheel.runtime'));

  const telemetry: Telemetry = {
    serviceName: options.serviceName,
    renderMetrics: () => prometheus.render(),
    async shutdown() {
      stopRuntimeMetrics();
      await sdk.shutdown();
      started = undefined;
    },
  };
  started = telemetry;
  return telemetry;
}

// Without an exporter spans are still created (and dropped), so log lines and outgoing
// calls carry trace ids that join up once a collector is configured.
function spanProcessor(otlpEndpoint: string | undefined) {
  if (otlpEndpoint === undefined) return new tracing.NoopSpanProcessor();
  const url = `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
  return new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url }));
}

function defaultInstrumentations(): Instrumentation[] {
  return [
    new GrpcInstrumentation({ ignoreGrpcMethods: [isHandTracedGrpcMethod] }),
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) =>
        UNTRACED_PATHS.some((path) => request.url?.startsWith(path) === true),
    }),
  ];
}

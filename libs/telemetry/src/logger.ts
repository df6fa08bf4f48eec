import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggingOptions {
  serviceName: string;
  /** pino level name: trace, debug, info, warn, error, fatal or silent (default info). */
  level?: string;
  /** Where JSON lines go (default stdout). */
  destination?: DestinationStream;
}

let root: Logger = buildRoot({ serviceName: 'flywheel' });

/**
 * Sets the service name, level and destination of every logger created afterwards.
 * `startTelemetry` calls this; loggers created before keep their old settings.
 */
export function configureLogging(options: LoggingOptions): void {
  root = buildRoot(options);
}

/**
 * A structured JSON logger for one component (`logger` field). Lines written while a span is
 * active carry its `trace_id` and `span_id`, so logs join traces in any backend.
 */
export function createLogger(name: string): Logger {
  return root.child({ logger: name });
}

function buildRoot(options: LoggingOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.serviceName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: activeTraceFields,
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

function activeTraceFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  if (context === undefined || !isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}

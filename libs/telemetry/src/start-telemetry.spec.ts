import { Writable } from 'node:stream';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { createLogger } from './logger';
import { startTelemetry, type Telemetry } from './start-telemetry';

/** Collects the JSON lines a logger writes. */
class LineCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

describe('startTelemetry', () => {
  const capture = new LineCapture();
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({
      serviceName: 'telemetry-spec',
      logDestination: capture,
      instrumentations: [],
    });
  });

  afterAll(async () => {
    await telemetry.shutdown();
  });

  it('stamps log lines written inside an active span with its trace and span ids', () => {
    const logger = createLogger('spec');
    const spanContext = trace.getTracer('spec').startActiveSpan('operation', (span) => {
      logger.info({ step: 1 }, 'inside the span');
      span.end();
      return span.spanContext();
    });
    logger.info('outside any span');

    const inside = capture.lines.find((line) => line.msg === 'inside the span');
    const outside = capture.lines.find((line) => line.msg === 'outside any span');
    expect(inside).toMatchObject({
      level: 'info',
      service: 'telemetry-spec',
      logger: 'spec',
      step: 1,
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
    });
    expect(spanContext.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(outside).not.toHaveProperty('trace_id');
  });

  it('renders an incremented counter in the Prometheus text format', async () => {
    const counter = metrics
      .getMeter('spec')
      .createCounter('flywheel_spec_requests', { description: 'spec requests' });
    counter.add(2, { route: 'check' });
    counter.add(1, { route: 'check' });

    const text = await telemetry.renderMetrics();
    expect(text).toContain('# TYPE flywheel_spec_requests_total counter');
    expect(text).toMatch(/^flywheel_spec_requests_total\{[^}]*route="check"[^}]*\} 3$/m);
  });

  it('renders the Node runtime metrics', async () => {
    const text = await telemetry.renderMetrics();
    expect(text).toMatch(/^process_memory_usage\{.*\} \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_delay_p99\{.*\} [0-9.e-]+$/m);
    expect(text).toContain('process_cpu_time');
  });

  it('propagates the active span as a W3C traceparent header', () => {
    const headers: Record<string, string> = {};
    const spanContext = trace.getTracer('spec').startActiveSpan('outgoing', (span) => {
      propagation.inject(context.active(), headers);
      span.end();
      return span.spanContext();
    });
    expect(headers.traceparent).toBe(`00-${spanContext.traceId}-${spanContext.spanId}-01`);
  });

  it('refuses a second start in the same process', () => {
    expect(() => startTelemetry({ serviceName: 'again', instrumentations: [] })).toThrow(/already started/);
  });
});

import { Metadata } from '@grpc/grpc-js';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { isHandTracedGrpcMethod, traceGrpcMethodByHand, traceServerCallIfSampled } from './hand-traced-grpc';

const PATH = '/inference.GRPCInferenceService/ModelInfer';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const exporter = new InMemorySpanExporter();

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
});
afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

function metadataWith(traceparent?: string): Metadata {
  const metadata = new Metadata();
  if (traceparent) metadata.set('traceparent', traceparent);
  return metadata;
}

describe('traceServerCallIfSampled', () => {
  it('records no span for a caller that sends no trace context, or an unsampled one', async () => {
    await expect(traceServerCallIfSampled(PATH, metadataWith(), () => Promise.resolve(1))).resolves.toBe(1);
    await traceServerCallIfSampled(PATH, metadataWith(`00-${TRACE_ID}-00f067aa0ba902b7-00`), () =>
      Promise.resolve(2),
    );
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it("records a SERVER span in the caller's trace, current while the work runs", async () => {
    let activeTrace: string | undefined;
    await traceServerCallIfSampled(PATH, metadataWith(`00-${TRACE_ID}-00f067aa0ba902b7-01`), () => {
      activeTrace = trace.getActiveSpan()?.spanContext().traceId;
      return Promise.resolve('ok');
    });
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({
      name: 'grpc.inference.GRPCInferenceService/ModelInfer',
      kind: SpanKind.SERVER,
      parentSpanContext: expect.objectContaining({ spanId: '00f067aa0ba902b7' }),
      attributes: {
        'rpc.system': 'grpc',
        'rpc.service': 'inference.GRPCInferenceService',
        'rpc.method': 'ModelInfer',
        'rpc.grpc.status_code': 0,
      },
    });
    expect(span!.spanContext().traceId).toBe(TRACE_ID);
    expect(activeTrace).toBe(TRACE_ID);
  });

  it('marks the span failed with the gRPC code of the error, and rethrows it', async () => {
    const failure = Object.assign(new Error('bad input'), {
      getError: () => ({ code: 3, message: 'bad input' }),
    });
    await expect(
      traceServerCallIfSampled(PATH, metadataWith(`00-${TRACE_ID}-00f067aa0ba902b7-01`), () =>
        Promise.reject(failure),
      ),
    ).rejects.toBe(failure);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad input' });
    expect(span!.attributes['rpc.grpc.status_code']).toBe(3);
  });
});

describe('traceGrpcMethodByHand', () => {
  it('takes the method away from the auto-instrumentation by name', () => {
    expect(isHandTracedGrpcMethod('SomeHotMethod')).toBe(false);
    traceGrpcMethodByHand('SomeHotMethod');
    expect(isHandTracedGrpcMethod('SomeHotMethod')).toBe(true);
  });
});

import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';

interface MetadataLike {
  get(key: string): unknown[];
  getMap(): Record<string, unknown>;
}

const handTraced = new Set<string>();

/**
 * Takes a gRPC method (by its name, e.g. `ModelInfer`) away from the auto-instrumentation: its
 * handler traces itself with `traceServerCallIfSampled`. The instrumentation wraps every call in
 * a span and a context switch, which costs more than a hot method's own work; a hand-traced one
 * pays that only when the caller is tracing.
 */
export function traceGrpcMethodByHand(methodName: string): void {
  handTraced.add(methodName);
}

/** The auto-instrumentation's matcher: true for the hand-traced methods. */
export function isHandTracedGrpcMethod(methodName: string): boolean {
  return handTraced.has(methodName);
}

const getter = {
  get: (carrier: MetadataLike, key: string) => carrier.get(key).map(String),
  keys: (carrier: MetadataLike) => Object.keys(carrier.getMap()),
};

/**
 * Runs `work` for a call of `path` (`/package.Service/Method`) inside a SERVER span when the
 * caller's `traceparent` is sampled, as the auto-instrumentation would; otherwise just runs it.
 */
export async function traceServerCallIfSampled<T>(
  path: string,
  metadata: MetadataLike,
  work: () => Promise<T>,
): Promise<T> {
  if (metadata.get('traceparent').length === 0) return work();
  const parent = propagation.extract(ROOT_CONTEXT, metadata, getter);
  const parentSpan = trace.getSpanContext(parent);
  if (!parentSpan || (parentSpan.traceFlags & TraceFlags.SAMPLED) === 0) return work();
  const [, service = '', method = ''] = path.split('/');
  const span = trace
    .getTracer('flywheel.grpc')
    .startSpan(
      `grpc.${path.slice(1)}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method },
      },
      parent,
    );
  try {
    const result = await context.with(trace.setSpan(parent, span), work);
    span.setAttribute('rpc.grpc.status_code', 0);
    return result;
  } catch (error) {
    const code = (error as { getError?: () => { code?: unknown } }).getError?.().code;
    if (typeof code === 'number') span.setAttribute('rpc.grpc.status_code', code);
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  } finally {
    span.end();
  }
}

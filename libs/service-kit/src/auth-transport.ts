import type { ExecutionContext } from '@nestjs/common';

/** The edges the guard protects. Kafka handlers are also `rpc` in Nest but carry no gRPC call. */
export type GuardedTransport = 'grpc' | 'http';

interface GrpcCall {
  getPath(): string;
}

/** grpc-js hands Nest handlers `(request, metadata, call)`; the call knows the method path. */
export function grpcCallOf(context: ExecutionContext): GrpcCall | undefined {
  const call: unknown = context.getArgByIndex(2);
  return typeof call === 'object' &&
    call !== null &&
    typeof (call as Partial<GrpcCall>).getPath === 'function'
    ? (call as GrpcCall)
    : undefined;
}

export function transportOf(context: ExecutionContext): GuardedTransport | undefined {
  const type = context.getType<string>();
  if (type === 'http') return 'http';
  if (type === 'rpc' && grpcCallOf(context)) return 'grpc';
  return undefined;
}

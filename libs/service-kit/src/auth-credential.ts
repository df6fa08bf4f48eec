import type { ExecutionContext } from '@nestjs/common';
import type { GuardedTransport } from './auth-transport';

interface MetadataLike {
  get(key: string): unknown[];
}

/**
 * The raw `authorization` value(s): every gRPC metadata entry (more than one is malformed,
 * and `parseBearer` says so) or the HTTP header. Undefined when absent.
 */
export function authorizationOf(
  context: ExecutionContext,
  transport: GuardedTransport,
): string | string[] | undefined {
  switch (transport) {
    case 'grpc':
      return grpcAuthorizationOf(context.switchToRpc().getContext<MetadataLike | undefined>());
    case 'http': {
      const request = context
        .switchToHttp()
        .getRequest<{ headers?: Record<string, string | string[] | undefined> }>();
      return request.headers?.authorization;
    }
  }
}

/** Every `authorization` entry of gRPC metadata; undefined when there is none. */
export function grpcAuthorizationOf(metadata: MetadataLike | undefined): string[] | undefined {
  const values = metadata?.get('authorization') ?? [];
  // Binary (Buffer) values cannot be a bearer token; keep them so the count stays honest.
  const strings = values.map((value) => (typeof value === 'string' ? value : ''));
  return strings.length === 0 ? undefined : strings;
}

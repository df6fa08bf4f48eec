import { Client, Metadata, type ServiceError, credentials, status as GrpcStatus } from '@grpc/grpc-js';
import { type MethodDefinition, loadSync } from '@grpc/proto-loader';
import { HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS } from '@flywheel/contracts';

/** What a call came back with: a gRPC status code, or an HTTP status and its JSON body. */
export type CallOutcome = { grpc: number; details: string } | { http: number; body: unknown };

type AnyMethod = MethodDefinition<object, unknown>;

/** Every method of the given proto files (plus health) by path: `/pkg.Service/Method`. */
export function grpcMethodsOf(protoFiles: readonly string[]): Map<string, AnyMethod> {
  const definition = loadSync([HEALTH_PROTO_FILE, ...protoFiles], { ...PROTO_LOADER_OPTIONS });
  const methods = new Map<string, AnyMethod>();
  for (const value of Object.values(definition)) {
    if ('format' in value) continue; // messages and enums
    for (const method of Object.values(value as Record<string, AnyMethod>)) methods.set(method.path, method);
  }
  return methods;
}

/**
 * Calls any gRPC method with an empty message, whatever its streaming shape, and reports the
 * first answer's status: OK once a response arrives, or the error's code.
 */
export function callGrpc(
  address: string,
  method: AnyMethod,
  token: string | undefined,
): Promise<CallOutcome> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  if (token !== undefined) metadata.set('authorization', `Bearer ${token}`);
  const options = { deadline: Date.now() + 10_000 };
  const { path, requestSerialize, responseDeserialize } = method;
  return new Promise<CallOutcome>((resolve) => {
    const settle = (error: ServiceError | null) => {
      resolve(error ? { grpc: error.code, details: error.details } : { grpc: GrpcStatus.OK, details: '' });
      client.close();
    };
    if (!method.requestStream && !method.responseStream) {
      client.makeUnaryRequest(path, requestSerialize, responseDeserialize, {}, metadata, options, settle);
      return;
    }
    if (!method.responseStream) {
      const call = client.makeClientStreamRequest(
        path,
        requestSerialize,
        responseDeserialize,
        metadata,
        options,
        settle,
      );
      call.write({});
      call.end();
      return;
    }
    const call = method.requestStream
      ? client.makeBidiStreamRequest(path, requestSerialize, responseDeserialize, metadata, options)
      : client.makeServerStreamRequest(path, requestSerialize, responseDeserialize, {}, metadata, options);
    if (method.requestStream) {
      const writable = call as unknown as { write(message: object): void; end(): void };
      writable.write({});
      writable.end();
    }
    let done = false;
    const finish = (error: ServiceError | null) => {
      if (done) return;
      done = true;
      call.cancel();
      settle(error);
    };
    call.on('data', () => finish(null));
    call.on('error', (error: ServiceError) => finish(error.code === GrpcStatus.CANCELLED ? null : error));
    call.on('end', () => finish(null));
  });
}

/**
 * Calls an HTTP route (its id: `http:POST /pattern`) with path parameters filled in and, for
 * methods that carry one, an empty JSON body.
 */
export async function callHttp(
  baseUrl: string,
  routeId: string,
  token: string | undefined,
): Promise<CallOutcome> {
  const match = /^http:([A-Z]+) (.+)$/.exec(routeId);
  if (!match?.[1] || !match[2]) throw new Error(`not an HTTP route id: ${routeId}`);
  const [method, pattern] = [match[1], match[2]];
  const path = pattern.replace(/:[A-Za-z0-9_]+/g, 'x').replace(/\*/g, 'x');
  const withBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(withBody && { 'content-type': 'application/json' }),
    },
    ...(withBody && { body: '{}' }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { http: response.status, body };
}

import { dirname, join } from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  type CallOptions,
  type ChannelCredentials,
  type Client,
  type ClientDuplexStream,
  type ClientReadableStream,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  HEALTH_PROTO_FILE,
  PROTO_LOADER_OPTIONS,
  servingStatusToJSON,
  type HealthCheckRequest,
  type HealthCheckResponse,
} from '@flywheel/contracts';

// Client-side probes of the two services every Flywheel gRPC port serves: health and
// reflection. For tests and operators' tooling; the server side is GrpcHealthController.

/** A grpc.health.v1.Health client. */
export interface HealthStub extends Client {
  check(
    request: HealthCheckRequest,
    options: CallOptions,
    callback: (error: ServiceError | null, response?: HealthCheckResponse) => void,
  ): void;
  watch(request: HealthCheckRequest, options?: CallOptions): ClientReadableStream<HealthCheckResponse>;
}

interface ReflectionStub extends Client {
  serverReflectionInfo(options: CallOptions): ClientDuplexStream<ReflectionRequest, ReflectionResponse>;
}
interface ReflectionRequest {
  listServices: string;
}
interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
}

const REFLECTION_PROTO = join(
  dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);

/** A health client for `address` (host:port), plaintext unless `channel` says otherwise; close it when done. */
export function healthClient(address: string, channel?: ChannelCredentials): HealthStub {
  return stub<HealthStub>(HEALTH_PROTO_FILE, 'grpc.health.v1.Health', address, channel);
}

/**
 * Calls grpc.health.v1.Health/Check.
 * @returns the status name: SERVING, NOT_SERVING, ...
 * @throws the gRPC error (code NOT_FOUND for an unknown service).
 */
export async function checkGrpcHealth(
  address: string,
  service = '',
  timeoutMs = 2_000,
  channel?: ChannelCredentials,
): Promise<string> {
  const client = healthClient(address, channel);
  try {
    const response = await new Promise<HealthCheckResponse | undefined>((resolve, reject) => {
      client.check({ service }, { deadline: Date.now() + timeoutMs }, (error, answer) =>
        error ? reject(error) : resolve(answer),
      );
    });
    return servingStatusToJSON(response?.status ?? 0);
  } finally {
    client.close();
  }
}

/** Lists the services `address` serves, through server reflection (grpc.reflection.v1). */
export async function listGrpcServices(address: string, timeoutMs = 2_000): Promise<string[]> {
  const client = stub<ReflectionStub>(REFLECTION_PROTO, 'grpc.reflection.v1.ServerReflection', address);
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.serverReflectionInfo({ deadline: Date.now() + timeoutMs });
      stream.on('data', (response: ReflectionResponse) => {
        resolve((response.listServicesResponse?.service ?? []).map((service) => service.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ listServices: '' });
    });
  } finally {
    client.close();
  }
}

function stub<T extends Client>(
  protoFile: string,
  serviceName: string,
  address: string,
  channel: ChannelCredentials = credentials.createInsecure(),
): T {
  let node: unknown = loadPackageDefinition(loadSync(protoFile, { ...PROTO_LOADER_OPTIONS }));
  for (const key of serviceName.split('.')) node = (node as Record<string, unknown>)[key];
  const Service = node as ServiceClientConstructor;
  return new Service(address, channel) as unknown as T;
}

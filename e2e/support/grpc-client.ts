import {
  type Client,
  Metadata,
  type ServiceClientConstructor,
  type ServiceError,
  credentials,
  loadPackageDefinition,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath } from '@flywheel/contracts';

type Unary = (
  request: unknown,
  metadata: Metadata,
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

/** A gRPC client of one Flywheel service (authentication off), with promise-returning unary calls. */
export interface GrpcClient {
  call<T>(method: string, request: unknown): Promise<T>;
  close(): void;
}

/** A client of the service at `path` (e.g. ['flywheel', 'registry', 'v1', 'RegistryService']) in proto `file`. */
export function grpcClient(file: string, path: readonly string[], address: string): GrpcClient {
  const loaded = loadPackageDefinition(loadSync(protoPath(file), PROTO_LOADER_OPTIONS)) as Record<
    string,
    unknown
  >;
  const Service = path.reduce<unknown>(
    (node, key) => (node as Record<string, unknown>)[key],
    loaded,
  ) as ServiceClientConstructor;
  const client = new Service(address, credentials.createInsecure()) as Client & Record<string, Unary>;
  return {
    call: <T>(method: string, request: unknown) =>
      new Promise<T>((resolve, reject) => {
        const unary = client[method];
        if (typeof unary !== 'function') {
          reject(new Error(`${path.join('.')} has no method ${method}`));
          return;
        }
        unary.call(client, request, new Metadata(), (error, response) =>
          error ? reject(error) : resolve(response as T),
        );
      }),
    close: () => client.close(),
  };
}

import {
  type Client,
  type Metadata,
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
  options: { deadline: number },
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

const CALL_TIMEOUT_MS = 15_000;

/** A plaintext gRPC client of one Flywheel service, loaded from the published protos. */
export class UnaryClient {
  private readonly client: Client & Record<string, Unary>;

  /** `service` is the package path, e.g. `flywheel.registry.v1.RegistryService`. */
  constructor(protoFile: string, service: string, address: string, private readonly metadata: () => Metadata) {
    const loaded = loadPackageDefinition(loadSync(protoPath(protoFile), PROTO_LOADER_OPTIONS));
    const constructor = service.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loaded);
    this.client = new (constructor as ServiceClientConstructor)(address, credentials.createInsecure()) as Client & Record<string, Unary>;
  }

  /** Calls `method` (lowerCamelCase); rejects with the gRPC error, its message naming the method. */
  call<T>(method: string, request: object): Promise<T> {
    return new Promise((resolve, reject) =>
      this.client[method]!(request, this.metadata(), { deadline: Date.now() + CALL_TIMEOUT_MS }, (error, response) => {
        if (error) reject(new Error(`${method}: ${error.details || error.message}`, { cause: error }));
        else resolve(response as T);
      }),
    );
  }

  close(): void {
    this.client.close();
  }
}

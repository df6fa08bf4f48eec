import {
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
  loadPackageDefinition,
  status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';
import type { AuthConfig, TlsConfig } from '@flywheel/config';
import { serviceCallMetadata, serviceChannelCredentials } from '@flywheel/service-kit';

/** Where reference profiles come from; undefined when the version has none stored. */
export interface ReferenceProfileSource {
  profile(modelName: string, version: number): Promise<registryV1.ReferenceProfile | undefined>;
  close(): void;
}

type GetProfile = (
  request: registryV1.GetReferenceProfileRequest,
  metadata: ReturnType<typeof serviceCallMetadata>,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: registryV1.GetReferenceProfileResponse) => void,
) => void;

const CALL_TIMEOUT_MS = 10_000;

/** GetReferenceProfile on the registry's gRPC port, with this service's key when one is configured. */
export class RegistryProfileSource implements ReferenceProfileSource {
  private readonly client: Client & { getReferenceProfile: GetProfile };

  constructor(
    address: string,
    private readonly auth: Pick<AuthConfig, 'serviceKey'>,
    tls: TlsConfig | undefined,
  ) {
    const definition = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS);
    const loaded = loadPackageDefinition(definition) as unknown as {
      flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } };
    };
    const RegistryService = loaded.flywheel.registry.v1.RegistryService;
    this.client = new RegistryService(address, serviceChannelCredentials(tls)) as unknown as Client & {
      getReferenceProfile: GetProfile;
    };
  }

  profile(modelName: string, version: number): Promise<registryV1.ReferenceProfile | undefined> {
    return new Promise((resolve, reject) => {
      this.client.getReferenceProfile(
        { name: modelName, version },
        serviceCallMetadata(this.auth),
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error, response) => {
          if (error?.code === status.NOT_FOUND) resolve(undefined);
          else if (error) reject(error);
          else resolve(response.profile ?? undefined);
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

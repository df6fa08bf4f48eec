import { type Client, type Metadata, type ServiceClientConstructor, type ServiceError, loadPackageDefinition, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { PlatformConfig } from '@flywheel/config';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';
import { serviceCallMetadata, serviceChannelCredentials } from '@flywheel/service-kit';
import { featureSchemaOf, type FeatureSchema } from './feature-schema';
import type { FeatureSchemaSource } from './feature-schema-cache';

type GetModelVersion = (
  request: registryV1.GetModelVersionRequest,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response?: registryV1.GetModelVersionResponse) => void,
) => void;

const CALL_TIMEOUT_MS = 2_000;

/**
 * Feature schemas from the registry's gRPC API (GetModelVersion: the signature's inputs), called
 * with this process's service key. Version 0 (unknown) has no schema and costs no call.
 */
export class RegistryFeatureSchemas implements FeatureSchemaSource {
  private readonly client: Client & { getModelVersion: GetModelVersion };
  private readonly metadata: Metadata;

  constructor(address: string, config: Pick<PlatformConfig, 'auth' | 'tls'>) {
    const definition = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS);
    const loaded = loadPackageDefinition(definition) as unknown as {
      flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } };
    };
    const RegistryService = loaded.flywheel.registry.v1.RegistryService;
    this.client = new RegistryService(address, serviceChannelCredentials(config.tls)) as unknown as Client & { getModelVersion: GetModelVersion };
    this.metadata = serviceCallMetadata(config.auth);
  }

  schemaOf(model: string, version: number): Promise<FeatureSchema | undefined> {
    if (version <= 0) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.client.getModelVersion({ name: model, version }, this.metadata, { deadline: Date.now() + CALL_TIMEOUT_MS }, (error, response) => {
        if (error?.code === status.NOT_FOUND) resolve(undefined);
        else if (error) reject(error);
        else resolve(featureSchemaOf(response?.modelVersion?.signature?.inputs ?? []));
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

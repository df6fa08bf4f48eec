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

type GetModel = (
  request: registryV1.GetRegisteredModelRequest,
  metadata: ReturnType<typeof serviceCallMetadata>,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: registryV1.GetRegisteredModelResponse) => void,
) => void;

type GetProfile = (
  request: registryV1.GetReferenceProfileRequest,
  metadata: ReturnType<typeof serviceCallMetadata>,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: registryV1.GetReferenceProfileResponse) => void,
) => void;

const CALL_TIMEOUT_MS = 10_000;

/** A registered model's tags; undefined when the model is not registered. */
export interface ModelTagSource {
  modelTags(modelName: string): Promise<Readonly<Record<string, string>> | undefined>;
}

type RegistryStub = Client & { getReferenceProfile: GetProfile; getRegisteredModel: GetModel };

/**
 * The registry calls monitoring makes on its gRPC port (GetReferenceProfile, GetRegisteredModel
 * for the model's tags), with this service's key when one is configured.
 */
export class RegistryProfileSource implements ReferenceProfileSource, ModelTagSource {
  private readonly client: RegistryStub;

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
    this.client = new RegistryService(address, serviceChannelCredentials(tls)) as unknown as RegistryStub;
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

  modelTags(modelName: string): Promise<Readonly<Record<string, string>> | undefined> {
    return new Promise((resolve, reject) => {
      this.client.getRegisteredModel(
        { name: modelName },
        serviceCallMetadata(this.auth),
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error, response) => {
          if (error?.code === status.NOT_FOUND) resolve(undefined);
          else if (error) reject(error);
          else resolve(response.registeredModel?.tags ?? {});
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

import { type Client, type Metadata, type ServiceClientConstructor, type ServiceError, type ChannelCredentials, loadPackageDefinition, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';
import { notFound, InferenceError } from '../protocol/inference-error';

/** Which version of a model to load: a number, or an alias resolved by the registry. */
export type VersionRef = { version: number } | { alias: string };

/** A version the registry knows, with the artifact directory holding its `model.onnx`. */
export interface ResolvedVersion {
  version: number;
  /** URI of the version's artifact directory (the managed copy when the registry made one). */
  artifactUri: string;
}

/** Looks versions up in the registry over its gRPC API, presenting the service's own key. */
export class RegistryModelSource {
  private readonly client: Client & Record<string, (request: unknown, metadata: Metadata, options: { deadline: number }, callback: (error: ServiceError | null, response: unknown) => void) => void>;

  constructor(
    address: string,
    credentials: ChannelCredentials,
    private readonly metadata: () => Metadata,
    private readonly timeoutMs = 5_000,
  ) {
    const definition = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS);
    const loaded = loadPackageDefinition(definition) as unknown as { flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } } };
    this.client = new loaded.flywheel.registry.v1.RegistryService(address, credentials) as typeof this.client;
  }

  /** @throws InferenceError not_found for an unknown model, version or alias; unavailable when the registry cannot be reached. */
  async resolve(model: string, ref: VersionRef): Promise<ResolvedVersion> {
    const response =
      'version' in ref
        ? await this.call<registryV1.GetModelVersionResponse>('getModelVersion', { name: model, version: ref.version }, `model "${model}" version ${ref.version}`)
        : await this.call<registryV1.GetModelVersionByAliasResponse>('getModelVersionByAlias', { name: model, alias: ref.alias }, `model "${model}" alias "${ref.alias}"`);
    const found = response.modelVersion;
    if (!found) throw notFound(`model "${model}": the registry returned no version`);
    return { version: found.version, artifactUri: found.storageUri || found.source };
  }

  close(): void {
    this.client.close();
  }

  private call<T>(method: string, request: unknown, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      this.client[method]!(request, this.metadata(), { deadline: Date.now() + this.timeoutMs }, (error, response) => {
        if (!error) return resolve(response as T);
        if (error.code === status.NOT_FOUND) return reject(notFound(`${what}: not found in the registry`));
        reject(new InferenceError('unavailable', `${what}: registry lookup failed: ${error.details || error.message}`));
      });
    });
  }
}

import {
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
  Metadata,
  credentials,
  loadPackageDefinition,
  status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath, registryV1 } from '@flywheel/contracts';

type Method = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

/** A model version as orchestration needs it. */
export interface RegistryVersion {
  version: number;
  source: string;
  runId: string;
  tags: Record<string, string>;
}

/** How long one registry call may take before it fails (and the step or command is retried). */
const CALL_TIMEOUT_MS = 10_000;

/**
 * The model registry over gRPC (`flywheel.registry.v1.RegistryService`): the few calls the
 * built-in steps and the canary controller make. `token` is the orchestrator's API key when the
 * registry enforces authentication.
 */
export class RegistryClient {
  private readonly client: Client & Record<string, Method>;

  constructor(
    readonly address: string,
    private readonly token?: string,
  ) {
    const definition = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS);
    const loaded = loadPackageDefinition(definition) as unknown as {
      flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } };
    };
    this.client = new loaded.flywheel.registry.v1.RegistryService(
      address,
      credentials.createInsecure(),
    ) as Client & Record<string, Method>;
  }

  /** The version behind `alias`, or undefined when the alias (or the model) does not exist. */
  async versionByAlias(name: string, alias: string): Promise<RegistryVersion | undefined> {
    try {
      const response = await this.call<registryV1.GetModelVersionByAliasResponse>('getModelVersionByAlias', {
        name,
        alias,
      });
      return response.modelVersion && versionOf(response.modelVersion);
    } catch (error) {
      if ((error as { code?: number }).code === status.NOT_FOUND) return undefined;
      throw error;
    }
  }

  async version(name: string, version: number): Promise<RegistryVersion> {
    const response = await this.call<registryV1.GetModelVersionResponse>('getModelVersion', {
      name,
      version,
    });
    if (!response.modelVersion) throw new Error(`registry returned no version ${version} of ${name}`);
    return versionOf(response.modelVersion);
  }

  async setAlias(name: string, alias: string, version: number): Promise<void> {
    await this.call('setRegisteredModelAlias', { name, alias, version });
  }

  /** Creates the registered model unless it exists. */
  async ensureModel(name: string): Promise<void> {
    try {
      await this.call('createRegisteredModel', { name });
    } catch (error) {
      if ((error as { code?: number }).code !== status.ALREADY_EXISTS) throw error;
    }
  }

  /** The versions of `name` created from tracking run `runId` (an earlier attempt may have registered it). */
  async versionsOfRun(name: string, runId: string): Promise<RegistryVersion[]> {
    const response = await this.call<registryV1.SearchModelVersionsResponse>('searchModelVersions', {
      filter: `name = '${name.replaceAll("'", "''")}' AND run_id = '${runId.replaceAll("'", "''")}'`,
    });
    return response.modelVersions.map(versionOf);
  }

  async createVersion(request: {
    name: string;
    source: string;
    runId: string;
    description: string;
    tags: Record<string, string>;
    datasetDigest?: string;
    codeVersion?: string;
  }): Promise<RegistryVersion> {
    const response = await this.call<registryV1.CreateModelVersionResponse>('createModelVersion', {
      name: request.name,
      source: request.source,
      runId: request.runId,
      description: request.description,
      tags: request.tags,
      lineage: { datasetDigest: request.datasetDigest ?? '', codeVersion: request.codeVersion ?? '' },
    });
    if (!response.modelVersion) throw new Error('registry returned no model version');
    return versionOf(response.modelVersion);
  }

  async setVersionTag(name: string, version: number, key: string, value: string): Promise<void> {
    await this.call('setModelVersionTag', { name, version, key, value });
  }

  close(): void {
    this.client.close();
  }

  private call<R>(method: string, request: unknown): Promise<R> {
    const metadata = new Metadata();
    if (this.token) metadata.set('authorization', `Bearer ${this.token}`);
    return new Promise((resolve, reject) =>
      this.client[method]!(
        request,
        metadata,
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error, response) =>
          error
            ? reject(Object.assign(new Error(`registry ${method}: ${error.message}`), { code: error.code }))
            : resolve(response as R),
      ),
    );
  }
}

function versionOf(version: registryV1.ModelVersion): RegistryVersion {
  return {
    version: version.version,
    source: version.source,
    runId: version.runId,
    tags: { ...version.tags },
  };
}

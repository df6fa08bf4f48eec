import { type ArtifactStore, artifactUriWithinRoots, mlflowArtifactsKey } from '@flywheel/storage';
import { RegistryError, invalidArgument } from '../domain/registry-error';
import { parseSourceUri } from './source-uri';
import type { TrackingLookup } from './tracking-client';

/** A version's artifacts as the registry records them. */
export interface ResolvedSource {
  /** Absolute `s3://` or `file://` URI under the artifact root. */
  storageUri: string;
  /** The run the source names (`runs:/<id>/...`), when it names one. */
  runId?: string;
  /** The MLflow 3 logged model the source names (`models:/m-...`). */
  loggedModelId?: string;
}

export interface SourceRequest {
  source: string;
  /** The caller's `authorization`, forwarded to the tracking service for `runs:/` and `models:/m-...`. */
  authorization?: string;
  /** Storage of another registered version, for `models:/<name>/<version>`. */
  registeredVersionStorage(name: string, version: number): Promise<string>;
}

/**
 * Turns a client's source into a storage location under the artifact root, or refuses it:
 * the registry never references (or later copies from) a place a caller picked outside the
 * root, such as `http://internal-host/...` or `file:///etc`.
 */
export class SourceResolver {
  constructor(
    private readonly store: Pick<ArtifactStore, 'root' | 'uri'>,
    private readonly tracking: TrackingLookup,
  ) {}

  async resolve(request: SourceRequest, depth = 0): Promise<ResolvedSource> {
    if (depth > 2) throw invalidArgument('source', 'the source refers to itself through too many indirections');
    const source = parseSourceUri(request.source);
    switch (source.kind) {
      case 'storage': {
        const check = artifactUriWithinRoots(source.uri, [this.store.root], 'source');
        if (!check.ok) throw new RegistryError('invalid_argument', check.message);
        return { storageUri: source.uri };
      }
      case 'mlflow-artifacts':
        return { storageUri: this.underRoot(source.path) };
      case 'run': {
        const runRoot = await this.tracking.runArtifactUri(source.runId, request.authorization);
        const uri = source.path === '' ? runRoot : `${runRoot.replace(/\/+$/, '')}/${source.path}`;
        const resolved = await this.resolve({ ...request, source: uri }, depth + 1);
        return { ...resolved, runId: source.runId };
      }
      case 'logged-model': {
        const uri = await this.tracking.loggedModelArtifactUri(source.modelId, request.authorization);
        const resolved = await this.resolve({ ...request, source: uri }, depth + 1);
        return { ...resolved, loggedModelId: source.modelId };
      }
      case 'registered-version':
        return { storageUri: await request.registeredVersionStorage(source.name, source.version) };
    }
  }

  /** `mlflow-artifacts:/<path>` lies where the tracking service's artifact proxy stores `<path>`. */
  private underRoot(path: string): string {
    let key: string;
    try {
      key = mlflowArtifactsKey(decodeURIComponent(path));
    } catch (error) {
      throw invalidArgument('source', error instanceof Error ? error.message : String(error));
    }
    return this.store.uri(key);
  }
}

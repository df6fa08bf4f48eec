import type { Readable } from 'node:stream';
import { type ArtifactStore, ArtifactNotFoundError, resolveArtifactUri } from '@flywheel/storage';
import { InferenceError, notFound } from '../protocol/inference-error';
import { LruMap } from './lru-map';
import type { ResolvedVersion, VersionRef } from './model-source';
import type { ModelRunCounts } from '../inference/serving-metrics';
import { OnnxModel, type OnnxModelOptions } from './onnx-model';
import { SingleFlight } from './single-flight';

export interface ModelSource {
  resolve(model: string, ref: VersionRef): Promise<ResolvedVersion>;
}

/** The artifact file of a version, relative to its artifact directory (contract 6). */
export const MODEL_FILE = 'model.onnx';

/**
 * Loaded model versions, at most `capacity` at once (least recently used evicted). Concurrent
 * requests for a version not yet loaded share one load. An evicted session is released after
 * `releaseGraceMs`, so requests already running on it finish first.
 */
export class ModelStore {
  private readonly loaded: LruMap<string, OnnxModel>;
  private readonly loading = new SingleFlight<string, OnnxModel>();

  constructor(
    private readonly source: ModelSource,
    private readonly artifacts: ArtifactStore,
    capacity: number,
    private readonly modelOptions: OnnxModelOptions = { maxBatchRows: 1 },
    private readonly releaseGraceMs = 30_000,
  ) {
    this.loaded = new LruMap(capacity, (_key, model) => this.releaseLater(model));
  }

  /** The version, loading it (fetch, session, warm-up) when it is not loaded yet. */
  get(model: string, version: number): Promise<OnnxModel> {
    const key = keyOf(model, version);
    const hit = this.loaded.get(key);
    if (hit) return Promise.resolve(hit);
    return this.loading.run(key, () => this.load(model, version));
  }

  /** Which version `ref` names now (e.g. the `champion` alias). */
  resolve(model: string, ref: VersionRef): Promise<ResolvedVersion> {
    return this.source.resolve(model, ref);
  }

  /** Run counts of the loaded versions that batch (dynamic batching on and a batchable model). */
  *runCounts(): Iterable<ModelRunCounts> {
    for (const model of this.loaded.values()) {
      const stats = model.batchStats();
      if (stats) yield { model: model.name, version: model.version, ...stats };
    }
  }

  async close(): Promise<void> {
    const models = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.allSettled(models.map((model) => model.release()));
  }

  private async load(model: string, version: number): Promise<OnnxModel> {
    const resolved = await this.source.resolve(model, { version });
    const bytes = await this.fetch(model, resolved);
    let loaded: OnnxModel;
    try {
      loaded = await OnnxModel.load(model, version, bytes, this.modelOptions);
    } catch (error) {
      throw new InferenceError(
        'unavailable',
        `model "${model}" version ${version}: cannot load ${MODEL_FILE}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.loaded.set(keyOf(model, version), loaded);
    return loaded;
  }

  private async fetch(model: string, resolved: ResolvedVersion): Promise<Uint8Array> {
    const uri = `${resolved.artifactUri.replace(/\/+$/, '')}/${MODEL_FILE}`;
    try {
      const { key } = resolveArtifactUri(uri, [this.artifacts.root]);
      return await readAll(await this.artifacts.get(key));
    } catch (error) {
      if (error instanceof ArtifactNotFoundError)
        throw notFound(`model "${model}" version ${resolved.version}: no ${MODEL_FILE} at ${uri}`);
      throw new InferenceError(
        'unavailable',
        `model "${model}" version ${resolved.version}: cannot fetch ${uri}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private releaseLater(model: OnnxModel): void {
    setTimeout(() => void model.release().catch(() => undefined), this.releaseGraceMs).unref();
  }
}

function keyOf(model: string, version: number): string {
  return `${model}@${version}`;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import type { inferenceV2 } from '@flywheel/contracts';
import type { TrafficPolicy } from '@flywheel/traffic-policy';
import { InferenceError, invalidArgument } from '../protocol/inference-error';
import type { TensorSpec } from '../protocol/signature';
import type { InferenceService } from './inference.service';

export const SERVER_NAME = 'flywheel-serving-gateway';
export const SERVER_VERSION = '0.1.0';

/** Versions a policy serves: champion, canary, shadow. */
export function policyVersions(policy: TrafficPolicy): number[] {
  return [policy.championVersion, ...(policy.canary ? [policy.canary.version] : []), ...(policy.shadow ? [policy.shadow.version] : [])];
}

/** Readiness and metadata of the server and its models (the protocol's non-inference calls). */
export class ModelStatusService {
  private ready = false;

  constructor(private readonly inference: InferenceService) {}

  markReady(): void {
    this.ready = true;
  }

  serverReady(): boolean {
    return this.ready;
  }

  serverMetadata(): inferenceV2.ServerMetadataResponse {
    return { name: SERVER_NAME, version: SERVER_VERSION, extensions: [] };
  }

  /** True when the model (version) is loaded or loads now; false when it cannot be served. */
  async modelReady(name: string, version: string): Promise<boolean> {
    if (!name) throw invalidArgument('name: required');
    try {
      const versions = await this.versionsOf(name, version);
      await Promise.all(versions.map((v) => this.inference.model(name, v)));
      return true;
    } catch (error) {
      if (error instanceof InferenceError && (error.kind === 'not_found' || error.kind === 'unavailable')) return false;
      throw error;
    }
  }

  /** Versions served and the signature of the champion (or of the version asked for). */
  async modelMetadata(name: string, version: string): Promise<inferenceV2.ModelMetadataResponse> {
    if (!name) throw invalidArgument('name: required');
    const versions = await this.versionsOf(name, version);
    const model = await this.inference.model(name, versions[0] as number);
    return {
      name,
      versions: versions.map(String),
      platform: 'onnxruntime_onnx',
      inputs: model.signature.inputs.map(wireSpec),
      outputs: model.signature.outputs.map(wireSpec),
    };
  }

  private async versionsOf(name: string, version: string): Promise<number[]> {
    if (version === '') return policyVersions(await this.inference.policyFor(name));
    const parsed = Number(version);
    if (!/^[0-9]+$/.test(version) || !Number.isSafeInteger(parsed) || parsed < 1) {
      throw invalidArgument(`version: expected a positive integer, got ${JSON.stringify(version.slice(0, 40))}`);
    }
    return [parsed];
  }
}

function wireSpec(spec: TensorSpec): inferenceV2.ModelMetadataResponse_TensorMetadata {
  return { name: spec.name, datatype: spec.datatype, shape: spec.shape };
}

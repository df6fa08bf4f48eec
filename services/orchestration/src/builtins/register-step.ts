import type { ArtifactStore } from '@flywheel/storage';
import type { RegistryClient } from '../clients/registry-client';
import { runArtifactLocation } from '../data/run-artifact-location';
import type { BuiltinStepHandler } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

/**
 * `register`: creates a version of `model_name` from `model_uri` (a directory holding
 * `model.onnx`, contract 6; an `mlflow-artifacts:/` URI is registered as its storage URI), with its tracking `run_id`, lineage and `tags`, creating the
 * registered model if needed, and points `alias` at it when given. Idempotent across attempts:
 * with a `run_id`, a version already created from that run is reused. Output: `version`.
 */
export function registerStep(registry: RegistryClient, store?: ArtifactStore): BuiltinStepHandler {
  return async (input, context) => {
    const inputs = new StepInputs(context.step, input);
    const name = inputs.string('model_name');
    const modelUri = inputs.string('model_uri');
    // A trainer logging through the tracking proxy reports mlflow-artifacts:/…; register where it is stored.
    const source =
      store && modelUri.startsWith('mlflow-artifacts:/')
        ? runArtifactLocation(store, modelUri, '').uri
        : modelUri;
    const runId = inputs.optionalString('run_id') ?? '';
    const alias = inputs.optionalString('alias');
    await registry.ensureModel(name);
    const earlier = runId === '' ? [] : await registry.versionsOfRun(name, runId);
    const version =
      earlier.find((candidate) => candidate.source === source) ??
      (await registry.createVersion({
        name,
        source,
        runId,
        description: `registered by pipeline run ${context.runId}`,
        tags: { ...inputs.stringMap('tags'), 'flywheel.pipeline_run': context.runId },
        ...(inputs.optionalString('dataset_hash') === undefined
          ? {}
          : { datasetDigest: inputs.string('dataset_hash') }),
        ...(inputs.optionalString('code_version') === undefined
          ? {}
          : { codeVersion: inputs.string('code_version') }),
      }));
    context.log(`${name} version ${version.version} from ${source}`);
    if (alias !== undefined) await registry.setAlias(name, alias, version.version);
    return { version: version.version };
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const EXAMPLE = join(__dirname, '..', '..', 'libs', 'pipelines', 'examples', 'retrain.yaml');

interface PipelineStep {
  name: string;
  with?: Record<string, unknown>;
}

interface PipelineDocument {
  name: string;
  params: Record<string, unknown>;
  triggers: unknown[];
  defaults?: Record<string, unknown>;
  steps: PipelineStep[];
  on_exit?: unknown;
}

export interface RetrainPipelineSettings {
  model: string;
  features: readonly string[];
  minRows: number;
  /** Canary traffic steps (percent) and the time each is held. */
  trafficSteps: readonly number[];
  stepInterval: string;
}

/**
 * The shipped retrain pipeline (libs/pipelines/examples/retrain.yaml) for one model, scaled to a
 * test: triggered by monitoring's retrain.requested for `model` only, a day of its traffic,
 * gates an honest small model passes (v1 has no tracking run, so the delta gate has nothing to
 * compare and is dropped), a short canary, no retries and no notification hook.
 */
export function retrainPipelineYaml(settings: RetrainPipelineSettings): string {
  const pipeline = parse(readFileSync(EXAMPLE, 'utf8')) as PipelineDocument;
  pipeline.name = `${settings.model}-retrain`;
  pipeline.params = {
    model_name: settings.model,
    dataset: { type: 'string', default: `window:${settings.model}/last=1d` },
    min_auc: { type: 'number', default: 0.6 },
  };
  pipeline.triggers = [
    { event: 'retrain.requested', filter: { model_name: settings.model, issued_by: 'monitoring' } },
  ];
  pipeline.defaults = { retry: 0, timeout: '2m' };
  delete pipeline.on_exit;
  const step = (name: string): PipelineStep => {
    const found = pipeline.steps.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`${EXAMPLE} has no step ${name}`);
    return found;
  };
  Object.assign(step('validate-data').with ?? {}, {
    schema: [...settings.features],
    checks: { min_rows: settings.minRows },
  });
  // The new version takes v1's columns in v1's order, which is what clients send.
  Object.assign(step('train').with ?? {}, { experiment: settings.model, features: [...settings.features] });
  Object.assign(step('evaluate').with ?? {}, {
    gates: { version: 1, metrics: { auc_roc: '${{ params.min_auc }}', log_loss: 0.69 } },
  });
  Object.assign(step('deploy-canary').with ?? {}, {
    traffic_steps: [...settings.trafficSteps],
    step_interval: settings.stepInterval,
  });
  return stringify(pipeline);
}

/** A pipeline that rolls out an already registered `version` as canary and promotes it if healthy. */
export function canaryPipelineYaml(
  name: string,
  model: string,
  version: number,
  stepInterval: string,
): string {
  return stringify({
    apiVersion: 'flywheel/v1',
    kind: 'Pipeline',
    name,
    steps: [
      {
        name: 'deploy-canary',
        uses: 'deploy-canary',
        timeout: '5m',
        with: { model_name: model, version, traffic_steps: [50], step_interval: stepInterval },
      },
      {
        name: 'promote',
        uses: 'promote',
        depends_on: 'deploy-canary',
        when: 'steps.deploy-canary.outputs.healthy == true',
        with: { model_name: model, version },
      },
    ],
  });
}

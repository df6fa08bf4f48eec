import { FEATURE_NAMES } from './churn-world';

/**
 * The pipeline the demo registers: monitoring's `retrain.requested` for the demo model starts
 * it; it trains on the last minutes of labelled traffic with the built-in trainer, gates on AUC,
 * rolls the new version out behind a short canary and promotes it. Intervals are seconds, not
 * the minutes a real deployment would use, so the loop completes while you watch.
 */
export function retrainPipelineYaml(pipelineName: string, modelName: string): string {
  return `apiVersion: flywheel/v1
kind: Pipeline
name: ${pipelineName}
description: Retrain ${modelName} on fresh labelled traffic when monitoring detects drift, canary it, promote it.
params:
  model_name: ${modelName}
  dataset:
    type: string
    default: window:${modelName}/last=1m
concurrency: forbid
triggers:
  - event: retrain.requested
    filter:
      model_name: ${modelName}
steps:
  - name: validate-data
    uses: validate-data
    with:
      dataset: \${{ params.dataset }}
      schema: [${FEATURE_NAMES.join(', ')}]
      checks: { min_rows: 200 }
  - name: train
    uses: train
    depends_on: [validate-data]
    with:
      dataset: \${{ steps.validate-data.outputs.dataset_uri }}
      experiment: ${modelName}
      # v1's input columns, in v1's order: clients keep sending what they sent.
      features: [${FEATURE_NAMES.join(', ')}]
      hyperparameters: { iterations: 300 }
  - name: register
    uses: register
    depends_on: [train]
    with:
      model_name: \${{ params.model_name }}
      model_uri: \${{ steps.train.outputs.model_uri }}
      run_id: \${{ steps.train.outputs.run_id }}
      dataset_hash: \${{ steps.validate-data.outputs.dataset_hash }}
  - name: evaluate
    uses: evaluate
    depends_on: [register]
    with:
      model_uri: \${{ steps.train.outputs.model_uri }}
      dataset: \${{ steps.validate-data.outputs.dataset_uri }}
      run_id: \${{ steps.train.outputs.run_id }}
      model_name: \${{ params.model_name }}
      version: \${{ steps.register.outputs.version }}
      gates: { version: 1, metrics: { auc_roc: 0.7 } }
  - name: deploy-canary
    uses: deploy-canary
    depends_on: [evaluate]
    when: steps.evaluate.outputs.passed == true
    with:
      model_name: \${{ params.model_name }}
      version: \${{ steps.register.outputs.version }}
      traffic_steps: [25, 50]
      step_interval: 5s
  - name: promote
    uses: promote
    depends_on: [deploy-canary]
    when: steps.deploy-canary.outputs.healthy == true
    with:
      model_name: \${{ params.model_name }}
      version: \${{ steps.register.outputs.version }}
      alias: champion
`;
}

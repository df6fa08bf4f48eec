import { describeFailure, mlflowPython, runMlflowScript } from './support/mlflow-python';
import { startStackPlatform, type StackPlatform } from './support/stack-platform';

// Issue 4: a data scientist's training script, written for MLflow and run with the real `mlflow`
// client from PyPI (e2e/python/requirements.txt), works unchanged against Flywheel's tracking
// service. e2e/python/mlflow_tracking_script.py passes against a real `mlflow server` too, so
// each of its assertions is MLflow's own behaviour; it lists every mismatch when it fails.

describe('the unchanged mlflow Python client against the tracking service', () => {
  let platform: StackPlatform;
  let python: string;

  beforeAll(async () => {
    python = await mlflowPython();
    platform = await startStackPlatform('mlflow_tracking_e2e', ['tracking', 'registry']);
  });

  afterAll(async () => {
    await platform?.dispose();
  });

  it('runs a training script: experiment, nested runs, params, stepped metrics, tags, dataset input, artifacts, search, history, and MLflow error codes for bad input', async () => {
    const script = 'mlflow_tracking_script.py';
    const result = await runMlflowScript(python, script, {
      MLFLOW_TRACKING_URI: platform.flywheel.trackingUri,
    });
    if (result.exitCode !== 0) throw new Error(describeFailure(script, result, platform.flywheel.log()));
    const summary = result.summary ?? {};
    expect(summary).toMatchObject({
      ok: true,
      script: 'mlflow_tracking_script',
      artifact_bytes: 256 * 1024 + 17,
    });
    for (const id of ['experiment_id', 'parent_run_id', 'child_run_id'])
      expect(typeof summary[id]).toBe('string');
    expect(summary.checks_passed).toBeGreaterThanOrEqual(44);
  });

  it('logs a scikit-learn model with mlflow.sklearn.log_model (MLflow 3 logged model), registers it, and loads and predicts by models:/<model_id>, models:/<name>/<version> and runs:/<run>/model', async () => {
    const script = 'mlflow_log_model_script.py';
    const result = await runMlflowScript(python, script, {
      MLFLOW_TRACKING_URI: platform.flywheel.trackingUri,
    });
    if (result.exitCode !== 0) throw new Error(describeFailure(script, result, platform.flywheel.log()));
    const summary = result.summary ?? {};
    expect(summary).toMatchObject({ ok: true, script: 'mlflow_log_model_script', versions: ['1', '2', '3'] });
    expect(summary.model_id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(summary.checks_passed).toBeGreaterThanOrEqual(20);
  });
});

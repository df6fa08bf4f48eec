import { describeFailure, mlflowPython, runMlflowScript, type ScriptResult } from './support/mlflow-python';
import { startStackPlatform, type StackPlatform } from './support/stack-platform';

// Issue 5: the real `mlflow` client registers a model version from a run logged to the tracking
// service, sets and reads aliases, loads the champion, transitions stages and searches versions,
// both through the tracking port (which forwards the registry's MLflow routes, so one
// MLFLOW_TRACKING_URI serves the whole session) and on the registry's own HTTP port.
// e2e/python/mlflow_registry_script.py passes against a real `mlflow server` too.

describe('the unchanged mlflow Python client against the model registry', () => {
  let platform: StackPlatform;
  let python: string;
  const script = 'mlflow_registry_script.py';

  beforeAll(async () => {
    python = await mlflowPython();
    platform = await startStackPlatform('mlflow_registry_e2e', ['tracking', 'registry']);
  });

  afterAll(async () => {
    await platform?.dispose();
  });

  function expectRegistered(result: ScriptResult): void {
    if (result.exitCode !== 0) throw new Error(describeFailure(script, result, platform.flywheel.log()));
    expect(result.summary).toMatchObject({
      ok: true,
      script: 'mlflow_registry_script',
      versions: ['1', '2'],
      champion: '2',
    });
    expect(result.summary?.checks_passed).toBeGreaterThanOrEqual(33);
  }

  it('registers, aliases, loads, transitions and searches through the tracking port alone', async () => {
    expectRegistered(
      await runMlflowScript(python, script, { MLFLOW_TRACKING_URI: platform.flywheel.trackingUri }),
    );
  });

  it("does the same with MLFLOW_REGISTRY_URI on the registry service's own HTTP port", async () => {
    expectRegistered(
      await runMlflowScript(python, script, {
        MLFLOW_TRACKING_URI: platform.flywheel.trackingUri,
        MLFLOW_REGISTRY_URI: platform.flywheel.registryUri,
      }),
    );
  });
});

// The example is a YAML file, as users write them; reading it is the test's I/O, not the library's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminOnlySteps } from '../src/admin-only-steps';
import { parsePipeline } from '../src/definition/parse-pipeline';
import { nextActions } from '../src/scheduling/next-actions';
import type { RunState } from '../src/scheduling/run-state';
import { recordDecisions, recordStarted, recordSucceeded } from '../src/scheduling/transitions';

const yaml = readFileSync(join(__dirname, '..', 'examples', 'retrain.yaml'), 'utf8');

describe('examples/retrain.yaml', () => {
  const result = parsePipeline(yaml);

  it('is a valid definition', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('describes the churn retrain loop', () => {
    if (!result.ok) throw new Error('invalid example');
    const { pipeline } = result;
    expect(pipeline.steps.map((step) => [step.name, step.dependsOn])).toEqual([
      ['validate-data', []],
      ['train', ['validate-data']],
      ['register', ['train']],
      ['evaluate', ['register']],
      ['deploy-canary', ['evaluate']],
      ['enroll-monitoring', ['evaluate']],
      ['promote', ['deploy-canary', 'enroll-monitoring']],
    ]);
    expect(pipeline.onExit?.task.kind).toBe('process');
    expect(adminOnlySteps(pipeline)).toEqual(['report']);
    expect(pipeline.concurrency).toBe('forbid');
    expect(pipeline.triggers.map((trigger) => trigger.kind)).toEqual(['event', 'schedule']);
  });

  it('skips the rollout and everything after it when the model fails its gates, but still reports', () => {
    if (!result.ok) throw new Error('invalid example');
    const { pipeline } = result;
    let run: RunState = {
      params: { model_name: 'churn', dataset: 'window:churn/last=7d', min_auc: 0.8 },
      steps: {},
    };
    const outputs: Record<string, Record<string, unknown>> = {
      'validate-data': { dataset_uri: 'window:churn/0-1', dataset_hash: 'abc', row_count: 1000 },
      train: { run_id: 'r1', model_uri: 's3://m' },
      register: { version: 4 },
      evaluate: { passed: false, metrics: { auc_roc: 0.71 }, report_uri: 's3://r' },
    };
    for (const step of ['validate-data', 'train', 'register', 'evaluate']) {
      const [start] = nextActions(pipeline, run, 0).start;
      expect(start?.step).toBe(step);
      run = recordSucceeded(recordStarted(run, step, 1, 0), step, outputs[step] as RunState['params'], 1);
    }
    const actions = nextActions(pipeline, run, 2);
    expect(actions.skip.map((skip) => [skip.step, skip.reason])).toEqual([
      ['deploy-canary', 'condition'],
      ['enroll-monitoring', 'condition'],
      ['promote', 'upstream'],
    ]);
    expect(actions.exitHandler?.task).toMatchObject({
      args: expect.arrayContaining(['--promote-status=skipped']),
    });
    run = recordDecisions(run, actions, 2);
    expect(nextActions(pipeline, run, 2).runStatus).toBe('running');
  });
});

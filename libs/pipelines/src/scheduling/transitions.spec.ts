import { pipelineFrom } from '../../test/pipeline-from';
import { nextActions } from './next-actions';
import type { RunState } from './run-state';
import {
  recordCached,
  recordFailed,
  recordRetryScheduled,
  recordSkipped,
  recordStarted,
  recordSucceeded,
} from './transitions';

const pipeline = pipelineFrom(`
  steps:
    - name: train
      process: { command: train }
      retry: 1
      outputs: [uri]
    - name: serve
      process: { command: serve, args: ["\${{ steps.train.outputs.uri }}"] }
      depends_on: [train]
`);
const fresh: RunState = { params: {}, steps: {} };

describe('run state transitions', () => {
  it('treats a cached step like a succeeded one: its outputs feed downstream steps', () => {
    const run = recordCached(fresh, 'train', { uri: 's3://cached' }, 5);
    expect(run.steps.train).toEqual({
      status: 'cached',
      attempts: 0,
      finishedAt: 5,
      outputs: { uri: 's3://cached' },
    });
    expect(nextActions(pipeline, run, 5).start).toEqual([
      {
        step: 'serve',
        attempt: 1,
        task: { kind: 'process', command: 'serve', args: ['s3://cached'], env: {} },
      },
    ]);
  });

  it('keeps the attempt count and start time through failure, and clears the retry time on restart', () => {
    let run = recordFailed(recordStarted(fresh, 'train', 1, 10), 'train', 20, { message: 'oom' });
    expect(run.steps.train).toEqual({
      status: 'failed',
      attempts: 1,
      startedAt: 10,
      finishedAt: 20,
      message: 'oom',
    });
    run = recordRetryScheduled(run, 'train', 30);
    expect(run.steps.train?.retryAt).toBe(30);
    run = recordStarted(run, 'train', 2, 30);
    expect(run.steps.train).toEqual({ status: 'running', attempts: 2, startedAt: 30 });
    run = recordSucceeded(run, 'train', { uri: 'u' }, 40);
    expect(run.steps.train).toEqual({
      status: 'succeeded',
      attempts: 2,
      startedAt: 30,
      finishedAt: 40,
      outputs: { uri: 'u' },
    });
  });

  it('records why a step was skipped, and never mutates the state it was given', () => {
    const run = recordSkipped(fresh, 'serve', 3, 'condition is false');
    expect(run.steps.serve).toEqual({
      status: 'skipped',
      attempts: 0,
      finishedAt: 3,
      message: 'condition is false',
    });
    expect(fresh.steps).toEqual({});
  });
});

import { pipelineFrom } from '../../test/pipeline-from';
import { nextActions } from './next-actions';
import type { RunState } from './run-state';
import {
  recordCancelled,
  recordDecisions,
  recordFailed,
  recordStarted,
  recordSucceeded,
  requestCancel,
} from './transitions';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

const diamond = pipelineFrom(`
  params:
    deploy: true
  steps:
    - name: a
      process: { command: a }
    - name: b
      process: { command: b }
      depends_on: [a]
    - name: c
      process: { command: c }
      depends_on: [a]
      when: params.deploy
    - name: d
      process: { command: d }
      depends_on: [b, c]
  on_exit:
    name: report
    process: { command: report, args: ["a=\${{ steps.a.status }}"] }
`);

const fresh = (params: RunState['params'] = { deploy: true }): RunState => ({ params, steps: {} });
const started = (actions: ReturnType<typeof nextActions>): string[] =>
  actions.start.map((start) => `${start.step}#${start.attempt}`);

function succeed(run: RunState, steps: string[], now = 0): RunState {
  return steps.reduce(
    (state, step) => recordSucceeded(recordStarted(state, step, 1, now), step, {}, now),
    run,
  );
}

describe('nextActions on a diamond', () => {
  it('starts a step only once all its dependencies succeeded', () => {
    let run = fresh();
    expect(started(nextActions(diamond, run, 0))).toEqual(['a#1']);
    run = recordStarted(run, 'a', 1, 0);
    expect(nextActions(diamond, run, 0)).toMatchObject({
      start: [],
      runStatus: 'running',
      exitHandler: undefined,
    });
    run = recordSucceeded(run, 'a', {}, 1);
    expect(started(nextActions(diamond, run, 1))).toEqual(['b#1', 'c#1']);
    run = succeed(run, ['b']);
    run = recordStarted(run, 'c', 1, 1);
    expect(started(nextActions(diamond, run, 2))).toEqual([]);
    run = recordSucceeded(run, 'c', {}, 3);
    expect(started(nextActions(diamond, run, 3))).toEqual(['d#1']);
  });

  it('runs the exit handler once every step has settled, then reports success', () => {
    const run = succeed(fresh(), ['a', 'b', 'c', 'd']);
    const actions = nextActions(diamond, run, 5);
    expect(actions.exitHandler).toEqual({
      step: 'report',
      attempt: 1,
      task: { kind: 'process', command: 'report', args: ['a=succeeded'], env: {} },
    });
    expect(actions.runStatus).toBe('running');
    const done = succeed(run, ['report']);
    expect(nextActions(diamond, done, 6)).toMatchObject({
      start: [],
      exitHandler: undefined,
      runStatus: 'succeeded',
    });
  });

  it('skips everything downstream of a failed step in one call, runs the exit handler, and fails the run', () => {
    const run = recordFailed(recordStarted(fresh(), 'a', 1, 0), 'a', 1, { message: 'exit code 1' });
    const actions = nextActions(diamond, run, 2);
    expect(actions.skip).toEqual([
      { step: 'b', reason: 'upstream', message: 'depends on a, which failed' },
      { step: 'c', reason: 'upstream', message: 'depends on a, which failed' },
      { step: 'd', reason: 'upstream', message: 'depends on b, which was skipped' },
    ]);
    expect(actions.exitHandler?.task).toMatchObject({ args: ['a=failed'] });
    const after = succeed(recordDecisions(run, actions, 2), ['report']);
    expect(nextActions(diamond, after, 3).runStatus).toBe('failed');
  });

  it('skips a step whose condition is false and, at once, everything that needs it, without failing the run', () => {
    const run = succeed(fresh({ deploy: false }), ['a']);
    const actions = nextActions(diamond, run, 1);
    expect(started(actions)).toEqual(['b#1']);
    expect(actions.skip).toEqual([
      { step: 'c', reason: 'condition', message: 'condition is false: params.deploy' },
      { step: 'd', reason: 'upstream', message: 'depends on c, which was skipped' },
    ]);
    const after = succeed(recordDecisions(run, actions, 1), ['b', 'report']);
    expect(nextActions(diamond, after, 2).runStatus).toBe('succeeded');
  });

  it('on cancellation stops running steps, cancels pending ones, and runs the exit handler only after the running ones stopped', () => {
    let run = requestCancel(recordStarted(succeed(fresh(), ['a']), 'b', 1, 1));
    const actions = nextActions(diamond, run, 2);
    expect(actions.cancel).toEqual([
      { step: 'b', running: true },
      { step: 'c', running: false },
      { step: 'd', running: false },
    ]);
    expect(actions).toMatchObject({ start: [], exitHandler: undefined, runStatus: 'running' });
    run = recordCancelled(recordDecisions(run, actions, 2), 'b', 3);
    const exit = nextActions(diamond, run, 3);
    expect(exit.exitHandler?.step).toBe('report');
    expect(nextActions(diamond, succeed(run, ['report']), 4).runStatus).toBe('cancelled');
  });

  it('runs the exit handler even when the run is cancelled before anything started', () => {
    const run = requestCancel(fresh());
    const actions = nextActions(diamond, run, 0);
    expect(actions.cancel.map((cancel) => cancel.step)).toEqual(['a', 'b', 'c', 'd']);
    expect(actions.exitHandler?.step).toBe('report');
  });
});

describe('nextActions retries and timeouts', () => {
  const flaky = pipelineFrom(`
    steps:
      - name: fetch
        process: { command: fetch }
        timeout: 5m
        retry: { limit: 3, backoff: 10s, factor: 2, max_backoff: 25s }
  `);

  it('retries with exponential backoff capped at max_backoff, then fails for good', () => {
    let run = recordFailed(recordStarted(fresh(), 'fetch', 1, 0), 'fetch', 0, { message: 'boom' });
    const actions = nextActions(flaky, run, 0);
    expect(actions.retries).toEqual([{ step: 'fetch', attempt: 2, at: 10 * SECOND }]);
    expect(actions).toMatchObject({ start: [], wakeAt: 10 * SECOND, runStatus: 'running' });
    run = recordDecisions(run, actions, 0);
    expect(nextActions(flaky, run, 10 * SECOND - 1)).toMatchObject({
      start: [],
      retries: [],
      wakeAt: 10 * SECOND,
    });
    expect(started(nextActions(flaky, run, 10 * SECOND))).toEqual(['fetch#2']);

    run = recordFailed(recordStarted(run, 'fetch', 2, 10 * SECOND), 'fetch', 12 * SECOND, {
      message: 'boom',
    });
    expect(nextActions(flaky, run, 12 * SECOND).retries).toEqual([
      { step: 'fetch', attempt: 3, at: 32 * SECOND },
    ]);
    run = recordFailed(recordStarted(run, 'fetch', 3, 32 * SECOND), 'fetch', 40 * SECOND, {
      message: 'boom',
    });
    expect(nextActions(flaky, run, 40 * SECOND).retries).toEqual([
      { step: 'fetch', attempt: 4, at: 65 * SECOND },
    ]);
    run = recordFailed(recordStarted(run, 'fetch', 4, 65 * SECOND), 'fetch', 70 * SECOND, {
      message: 'boom',
    });
    expect(nextActions(flaky, run, 70 * SECOND)).toMatchObject({
      start: [],
      retries: [],
      runStatus: 'failed',
      wakeAt: undefined,
    });
  });

  it('starts a retry straight away when its delay has already passed', () => {
    const run = recordFailed(recordStarted(fresh(), 'fetch', 1, 0), 'fetch', 0, { message: 'boom' });
    expect(nextActions(flaky, run, 11 * SECOND)).toMatchObject({
      retries: [],
      start: [{ step: 'fetch', attempt: 2 }],
    });
  });

  it('does not retry a failure marked not retryable', () => {
    const run = recordFailed(recordStarted(fresh(), 'fetch', 1, 0), 'fetch', 0, {
      message: 'bad input',
      retryable: false,
    });
    expect(nextActions(flaky, run, 0)).toMatchObject({ retries: [], runStatus: 'failed' });
  });

  it('reports a running attempt past its deadline, and wakes at the deadline before that', () => {
    const run = recordStarted(fresh(), 'fetch', 1, 0);
    expect(nextActions(flaky, run, 4 * MINUTE)).toMatchObject({ timeouts: [], wakeAt: 5 * MINUTE });
    expect(nextActions(flaky, run, 5 * MINUTE).timeouts).toEqual([
      { step: 'fetch', attempt: 1, deadline: 5 * MINUTE },
    ]);
    const timedOut = recordFailed(run, 'fetch', 5 * MINUTE, { message: 'timed out after 5m' });
    expect(nextActions(flaky, timedOut, 5 * MINUTE).retries).toEqual([
      { step: 'fetch', attempt: 2, at: 5 * MINUTE + 10 * SECOND },
    ]);
  });

  it('draws jitter from the injected random source once, then keeps the recorded retry time', () => {
    const jittery = pipelineFrom(`
      steps:
        - name: fetch
          process: { command: fetch }
          retry: { limit: 1, backoff: 10s, jitter: 0.5 }
    `);
    const run = recordFailed(recordStarted(fresh(), 'fetch', 1, 0), 'fetch', 0, { message: 'boom' });
    const random = jest.fn(() => 0.5);
    const actions = nextActions(jittery, run, 0, { random });
    expect(actions.retries).toEqual([{ step: 'fetch', attempt: 2, at: 7_500 }]);
    random.mockClear();
    expect(nextActions(jittery, recordDecisions(run, actions, 0), 7_500, { random }).start).toHaveLength(1);
    expect(random).not.toHaveBeenCalled();
  });
});

describe('nextActions inputs, conditions and caching', () => {
  const pipeline = pipelineFrom(`
    params:
      dataset: s3://data/v1
    steps:
      - name: validate
        uses: validate-data
        with: { dataset: "\${{ params.dataset }}" }
      - name: train
        uses: train
        depends_on: [validate]
        cache: true
        when: steps.validate.outputs.row_count > 100
        with:
          dataset: \${{ steps.validate.outputs.dataset_uri }}
          hyperparameters: { rows: "\${{ steps.validate.outputs.row_count }}", note: "n=\${{ steps.validate.outputs.row_count }}" }
  `);
  const validated = (
    outputs: Record<string, string | number>,
    params = { dataset: 's3://data/v1' },
  ): RunState => recordSucceeded(recordStarted(fresh(params), 'validate', 1, 0), 'validate', outputs, 1);

  it('resolves inputs from upstream outputs, keeping the type of whole-string placeholders', () => {
    const [start] = nextActions(pipeline, validated({ dataset_uri: 's3://clean', row_count: 500 }), 1).start;
    expect(start?.task).toEqual({
      kind: 'builtin',
      uses: 'train',
      with: { dataset: 's3://clean', hyperparameters: { rows: 500, note: 'n=500' } },
    });
  });

  it('gives a cached step a key that changes with its resolved inputs only', () => {
    const key = (run: RunState): string | undefined => nextActions(pipeline, run, 1).start[0]?.cacheKey;
    const first = key(validated({ dataset_uri: 's3://clean', row_count: 500 }));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(key(validated({ dataset_uri: 's3://clean', row_count: 500 }, { dataset: 's3://other' }))).toBe(
      first,
    );
    expect(key(validated({ dataset_uri: 's3://clean-2', row_count: 500 }))).not.toBe(first);
    expect(nextActions(pipeline, fresh({ dataset: 's3://data/v1' }), 0).start[0]?.cacheKey).toBeUndefined();
  });

  it('fails a step without running it when its condition cannot be evaluated', () => {
    const actions = nextActions(pipeline, validated({ dataset_uri: 's3://clean', row_count: 'many' }), 1);
    expect(actions.fail).toEqual([
      {
        step: 'train',
        message: "when: '>' needs two numbers or two strings, got the string 'many' and the number 100",
      },
    ]);
    expect(actions.runStatus).toBe('failed');
  });

  it('fails a step whose inputs reference an output the upstream step did not produce', () => {
    const actions = nextActions(pipeline, validated({ row_count: 500 }), 1);
    expect(actions.fail).toEqual([
      {
        step: 'train',
        message:
          'with.dataset: steps.validate.outputs.dataset_uri is not available (step validate is succeeded)',
      },
    ]);
  });
});

describe('nextActions exit handler outcomes', () => {
  const pipeline = pipelineFrom(`
    steps:
      - name: a
        process: { command: a }
    on_exit:
      name: alert
      when: steps.a.status == 'failed'
      retry: 1
      process: { command: alert }
  `);

  it('skips the exit handler when its condition is false', () => {
    const actions = nextActions(pipeline, succeed(fresh({}), ['a']), 1);
    expect(actions).toMatchObject({
      exitHandler: undefined,
      skip: [{ step: 'alert', reason: 'condition' }],
      runStatus: 'succeeded',
    });
  });

  it('retries a failed exit handler, and fails the run when it fails for good', () => {
    let run = recordFailed(recordStarted(fresh({}), 'a', 1, 0), 'a', 1, { message: 'exit code 2' });
    expect(nextActions(pipeline, run, 1).exitHandler).toMatchObject({ step: 'alert', attempt: 1 });
    run = recordFailed(recordStarted(run, 'alert', 1, 1), 'alert', 2, { message: 'smtp down' });
    expect(nextActions(pipeline, run, 12_000).exitHandler).toMatchObject({ step: 'alert', attempt: 2 });
    run = recordFailed(recordStarted(run, 'alert', 2, 12_000), 'alert', 13_000, { message: 'smtp down' });
    expect(nextActions(pipeline, run, 13_000).runStatus).toBe('failed');
  });
});

import { type Pipeline, parsePipeline, recordSucceeded } from '@flywheel/pipelines';
import { planRun } from './plan-run';

function pipeline(yaml: string): Pipeline {
  const parsed = parsePipeline(`apiVersion: flywheel/v1\nkind: Pipeline\nname: p\n${yaml}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.pipeline;
}

const twoProcesses = pipeline(`params:
  label: { type: string }
steps:
  - name: first
    process: { command: /usr/bin/tool, args: ['--label=\${{ params.label }}', '\${{ params.label }}'] }
    timeout: 5s
  - name: second
    depends_on: first
    process: { command: /usr/bin/tool }
`);

describe('planRun', () => {
  const nobodyWatching = (): boolean => false;

  it('launches a ready process step with its args rendered, one argv element per arg, and its timeout', () => {
    const plan = planRun(twoProcesses, { params: { label: 'a; rm -rf /' }, steps: {} }, 1000, nobodyWatching);
    expect(plan.launches).toEqual([
      {
        step: 'first',
        attempt: 1,
        timeoutMs: 5000,
        retryLimit: 0,
        task: {
          kind: 'process',
          command: '/usr/bin/tool',
          args: ['--label=a; rm -rf /', 'a; rm -rf /'],
          env: {},
        },
      },
    ]);
    expect(plan.state.steps.first).toMatchObject({ status: 'running', attempts: 1, startedAt: 1000 });
    expect(plan.status).toBe('running');
  });

  it('starts the next step once its dependency succeeded', () => {
    const started = planRun(twoProcesses, { params: { label: 'x' }, steps: {} }, 1000, nobodyWatching).state;
    const plan = planRun(
      twoProcesses,
      recordSucceeded(started, 'first', {}, 2000),
      2000,
      (key) => key === 'first/1',
    );
    expect(plan.launches.map((launch) => launch.step)).toEqual(['second']);
  });

  it('fails an attempt recorded running that no one watches any more (a restart), and retries it when the policy allows', () => {
    const retried = pipeline(
      `steps:\n  - name: only\n    retry: { limit: 1, backoff: 1s }\n    process: { command: /usr/bin/tool }\n`,
    );
    const started = planRun(retried, { params: {}, steps: {} }, 1000, nobodyWatching).state;
    const afterRestart = planRun(retried, started, 5000, nobodyWatching);
    expect(afterRestart.state.steps.only).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/^interrupted/),
      retryAt: 6000,
    });
    expect(afterRestart.launches).toEqual([]);
    expect(planRun(retried, afterRestart.state, 6000, nobodyWatching).launches).toMatchObject([
      { step: 'only', attempt: 2 },
    ]);
  });

  it('launches built-in and kubernetes steps like process steps, with their timeout and retry limit, and holds back what depends on them', () => {
    const mixed = pipeline(`steps:
  - name: train
    uses: train
    with: { dataset: s3://d }
  - name: job
    kubernetes: { image: busybox }
  - name: after
    depends_on: train
    process: { command: /usr/bin/tool }
`);
    const plan = planRun(mixed, { params: {}, steps: {} }, 1000, nobodyWatching);
    expect(plan.launches).toMatchObject([
      { step: 'train', attempt: 1, task: { kind: 'builtin', uses: 'train' }, retryLimit: 0 },
      { step: 'job', attempt: 1, task: { kind: 'kubernetes', image: 'busybox' }, retryLimit: 0 },
    ]);
    expect(plan.state.steps.train).toMatchObject({ status: 'running' });
    expect(plan.state.steps.after).toBeUndefined();
    expect(plan.status).toBe('running');
  });

  it('records a cache: true step whose key has stored outputs as cached, without launching it, and starts what depends on it', () => {
    const cachedPipeline = pipeline(`steps:
  - name: build
    cache: true
    process: { command: /usr/bin/build }
  - name: after
    depends_on: build
    process: { command: /usr/bin/tool }
`);
    const first = planRun(cachedPipeline, { params: {}, steps: {} }, 1000, nobodyWatching);
    const key = first.launches[0]!.cacheKey!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const plan = planRun(
      cachedPipeline,
      { params: {}, steps: {} },
      1000,
      nobodyWatching,
      new Map([[key, { artifact: 'a.tar' }]]),
    );
    expect(plan.state.steps.build).toMatchObject({ status: 'cached', outputs: { artifact: 'a.tar' } });
    expect(plan.launches.map((launch) => launch.step)).toEqual(['after']);
  });
});

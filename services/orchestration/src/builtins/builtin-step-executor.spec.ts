import type { BuiltinTask } from '@flywheel/pipelines';
import { BuiltinStepExecutor } from './builtin-step-executor';
import { StepFailure } from './builtin-step-handler';
import { StepInputs } from './step-inputs';

const launch = (uses: BuiltinTask['uses'], input: BuiltinTask['with'] = {}, timeoutMs?: number) => ({
  runId: 'run-1',
  step: 'step',
  attempt: 1,
  task: { kind: 'builtin' as const, uses, with: input },
  timeoutMs,
});

describe('BuiltinStepExecutor', () => {
  it('returns the handler outputs and log on success', async () => {
    const executor = new BuiltinStepExecutor({
      promote: (input, context) => {
        context.log(`promoting ${JSON.stringify(input.version)}`);
        return Promise.resolve({ previous_version: 1 });
      },
    });
    expect(await executor.start(launch('promote', { version: 2 })).outcome).toEqual({
      succeeded: true,
      message: '',
      exitCode: undefined,
      outputTail: 'promoting 2\n',
      outputs: { previous_version: 1 },
    });
  });

  it('fails a step without a handler, without retry, naming it', async () => {
    expect(await new BuiltinStepExecutor({}).start(launch('train')).outcome).toMatchObject({
      succeeded: false,
      retryable: false,
      message: 'built-in step train is not configured on this orchestrator',
    });
  });

  it('passes on whether a failure is retryable: StepFailure decides, other errors retry', async () => {
    const executor = new BuiltinStepExecutor({
      register: () => Promise.reject(new StepFailure('bad input', false)),
      promote: () => Promise.reject(new Error('registry unavailable')),
    });
    expect(await executor.start(launch('register')).outcome).toMatchObject({
      succeeded: false,
      retryable: false,
      message: 'bad input',
    });
    const transient = await executor.start(launch('promote')).outcome;
    expect(transient).toMatchObject({ succeeded: false, message: 'registry unavailable' });
    expect(transient.retryable).toBeUndefined();
  });

  it('aborts the handler at the timeout and reports it', async () => {
    const executor = new BuiltinStepExecutor({
      'deploy-canary': (_input, context) =>
        new Promise((_resolve, reject) =>
          context.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    expect(await executor.start(launch('deploy-canary', {}, 50)).outcome).toMatchObject({
      succeeded: false,
      message: 'timed out after 50ms',
    });
  });
});

describe('StepInputs', () => {
  const inputs = new StepInputs('deploy', {
    name: 'churn',
    version: '7',
    interval: '10m',
    steps: [5, 50],
    bad: 3,
    hyper: { l2: 0.1 },
  });

  it('reads typed inputs, accepting a version written as digits and durations as text', () => {
    expect(inputs.string('name')).toBe('churn');
    expect(inputs.version('version')).toBe(7);
    expect(inputs.durationMs('interval', 1)).toBe(600_000);
    expect(inputs.durationMs('absent', 1)).toBe(1);
    expect(inputs.numbers('steps', [])).toEqual([5, 50]);
    expect(inputs.numberMap('hyper')).toEqual({ l2: 0.1 });
    expect(inputs.optionalString('absent')).toBeUndefined();
  });

  it('refuses a wrong input without retry, naming the step and the field', () => {
    expect(() => inputs.string('bad')).toThrow('deploy: with.bad must be a non-empty string, got 3');
    expect(() => inputs.version('name')).toThrow(
      'deploy: with.name must be a positive integer version, got "churn"',
    );
    try {
      inputs.numbers('name', []);
    } catch (error) {
      expect(error).toMatchObject({ retryable: false });
    }
  });
});

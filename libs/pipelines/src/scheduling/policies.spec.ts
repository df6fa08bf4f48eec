import fc from 'fast-check';
import { pipelineFrom } from '../../test/pipeline-from';
import { eventTriggersFor } from '../triggers/event-triggers';
import { stepCacheKey } from './cache-key';
import { canonicalJson } from './canonical-json';
import { admitRun } from './concurrency';
import { resolveParams } from './resolve-params';
import { retryDelay } from './retry-delay';

const pipeline = pipelineFrom(`
  params:
    dataset: s3://data
    min_auc: { type: number }
    dry_run: false
  triggers:
    - event: retrain-requested
      filter: { model_name: churn }
    - event: retrain-requested
    - schedule: "@daily"
  steps:
    - name: train
      uses: train
      cache: true
      with: { dataset: "\${{ params.dataset }}" }
`);

describe('resolveParams', () => {
  it('fills in defaults and keeps given values', () => {
    expect(resolveParams(pipeline, { min_auc: 0.9 })).toEqual({
      ok: true,
      value: { dataset: 's3://data', min_auc: 0.9, dry_run: false },
    });
  });

  it('lists every unknown, missing and mistyped parameter', () => {
    expect(resolveParams(pipeline, { dry_run: 'yes', extra: 1 })).toEqual({
      ok: false,
      error: [
        "unknown parameter 'extra'",
        "parameter 'min_auc' is required",
        'parameter \'dry_run\' must be a boolean, got "yes"',
      ],
    });
    expect(resolveParams(pipeline, { min_auc: Number.NaN })).toMatchObject({
      ok: false,
      error: ["parameter 'min_auc' must be a number, got NaN"],
    });
  });
});

describe('admitRun', () => {
  it('applies allow, forbid and replace', () => {
    expect(admitRun('allow', ['r1'])).toEqual({ admit: true, cancelRuns: [] });
    expect(admitRun('forbid', [])).toEqual({ admit: true, cancelRuns: [] });
    expect(admitRun('forbid', ['r1'])).toEqual({
      admit: false,
      reason: 'concurrency is forbid and run r1 is still active',
    });
    expect(admitRun('replace', ['r1', 'r2'])).toEqual({ admit: true, cancelRuns: ['r1', 'r2'] });
  });
});

describe('eventTriggersFor', () => {
  it('matches the event type and every filter attribute', () => {
    const churn = eventTriggersFor(pipeline, {
      type: 'retrain-requested',
      attributes: { model_name: 'churn' },
    });
    expect(churn.map((trigger) => trigger.filter)).toEqual([{ model_name: 'churn' }, {}]);
    expect(
      eventTriggersFor(pipeline, { type: 'retrain-requested', attributes: { model_name: 'fraud' } }),
    ).toHaveLength(1);
    expect(eventTriggersFor(pipeline, { type: 'rollback-requested', attributes: {} })).toEqual([]);
  });
});

describe('retryDelay', () => {
  const policy = { limit: 10, backoffMs: 1_000, factor: 3, maxBackoffMs: 20_000, jitter: 0 };

  it('grows by the factor from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 50].map((attempt) => retryDelay(policy, attempt, Math.random))).toEqual([
      1_000, 3_000, 9_000, 20_000, 20_000,
    ]);
  });

  it('with jitter stays within [delay * (1 - jitter), delay] and never passes the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, jitter, draw) => {
          const base = retryDelay(policy, attempt, () => 0);
          const delay = retryDelay({ ...policy, jitter }, attempt, () => draw);
          expect(delay).toBeLessThanOrEqual(Math.min(base, policy.maxBackoffMs));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)));
        },
      ),
    );
  });
});

describe('stepCacheKey', () => {
  const step = pipeline.steps[0]!;
  const task = {
    kind: 'builtin' as const,
    uses: 'train' as const,
    with: { dataset: 's3://data', options: { a: 1, b: 2 } },
  };

  it('does not depend on key order, name, retries or timeout', () => {
    const reordered = { ...task, with: { options: { b: 2, a: 1 }, dataset: 's3://data' } };
    const renamed = { ...step, name: 'other', retry: { ...step.retry, limit: 5 }, timeoutMs: 1 };
    expect(stepCacheKey(renamed, reordered)).toBe(stepCacheKey(step, task));
  });

  it('changes with the resolved inputs and with the definition', () => {
    expect(stepCacheKey(step, { ...task, with: { dataset: 's3://other' } })).not.toBe(
      stepCacheKey(step, task),
    );
    const changed = { ...step, task: { ...step.task, with: { dataset: 'fixed' } } };
    expect(stepCacheKey(changed, task)).not.toBe(stepCacheKey(step, task));
  });

  it('serializes canonically', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true, skip: undefined })).toBe(
      '{"a":true,"b":[1,{"c":"x","d":null}]}',
    );
  });
});

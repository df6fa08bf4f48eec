import type { RunState } from '@flywheel/pipelines';
import { stateChanges } from './state-changes';

const state = (steps: RunState['steps']): RunState => ({ params: {}, steps });

describe('stateChanges', () => {
  it('lists steps whose status or attempt moved, then the run status when it changed', () => {
    const before = { state: state({ a: { status: 'running', attempts: 1 } }), status: 'running' as const };
    const after = {
      state: state({ a: { status: 'succeeded', attempts: 1 }, b: { status: 'running', attempts: 1 } }),
      status: 'running' as const,
    };
    expect(stateChanges(['a', 'b', 'c'], before, after)).toEqual([
      { step: 'a', status: 'succeeded', attempt: 1, message: '' },
      { step: 'b', status: 'running', attempt: 1, message: '' },
    ]);
  });

  it('counts a retry as a change, and reports the run ending', () => {
    const before = {
      state: state({ a: { status: 'failed', attempts: 1, message: 'x' } }),
      status: 'running' as const,
    };
    const retry = { state: state({ a: { status: 'running', attempts: 2 } }), status: 'running' as const };
    expect(stateChanges(['a'], before, retry)).toEqual([
      { step: 'a', status: 'running', attempt: 2, message: '' },
    ]);
    const done = {
      state: state({ a: { status: 'failed', attempts: 2, message: 'boom' } }),
      status: 'failed' as const,
    };
    expect(stateChanges(['a'], retry, done)).toEqual([
      { step: 'a', status: 'failed', attempt: 2, message: 'boom' },
      { step: '', status: 'failed', attempt: 0, message: '' },
    ]);
  });
});

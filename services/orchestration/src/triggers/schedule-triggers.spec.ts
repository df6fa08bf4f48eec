import { parsePipeline } from '@flywheel/pipelines';
import { dueFiring } from './schedule-triggers';

const parsed = parsePipeline(`apiVersion: flywheel/v1
kind: Pipeline
name: nightly
triggers:
  - event: retrain.requested
  - schedule: '0 3 * * *'
steps:
  - name: work
    process: { command: /bin/true }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const pipeline = parsed.pipeline;
const at = (iso: string): number => Date.parse(iso);

describe('dueFiring', () => {
  it('is due once the next cron time after the last firing has passed, keyed by pipeline, trigger and time', () => {
    expect(dueFiring(pipeline, 1, at('2026-11-22T03:00:00Z'), at('2026-11-23T02:59:00Z'))).toBeUndefined();
    expect(dueFiring(pipeline, 1, at('2026-11-22T03:00:00Z'), at('2026-11-23T03:00:30Z'))).toEqual({
      key: `schedule:nightly:1:${at('2026-11-23T03:00:00Z')}`,
      triggerIndex: 1,
      atMs: at('2026-11-23T03:00:00Z'),
    });
  });

  it('collapses missed firings into the latest one, and ignores event triggers', () => {
    expect(dueFiring(pipeline, 1, at('2026-11-01T03:00:00Z'), at('2026-11-23T12:00:00Z'))?.atMs).toBe(
      at('2026-11-23T03:00:00Z'),
    );
    expect(dueFiring(pipeline, 0, 0, at('2026-11-23T12:00:00Z'))).toBeUndefined();
  });
});

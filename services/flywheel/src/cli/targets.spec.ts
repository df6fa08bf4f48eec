import { isStandalone, resolveTargets } from './targets';
import { UsageError } from './usage-error';

describe('resolveTargets', () => {
  it('expands all to the six services in canonical order', () => {
    expect(resolveTargets('all')).toEqual([
      'ingestion',
      'tracking',
      'registry',
      'orchestration',
      'serving-gateway',
      'monitoring',
    ]);
  });

  it('keeps a comma list in canonical order without duplicates or spaces', () => {
    expect(resolveTargets(' monitoring,tracking , monitoring,ingestion')).toEqual([
      'ingestion',
      'tracking',
      'monitoring',
    ]);
  });

  it('names every unknown target and lists the valid ones', () => {
    expect(() => resolveTargets('tracking,serving,billing')).toThrow(
      new UsageError(
        'unknown target "serving", "billing"; valid targets: all, ingestion, tracking, registry, orchestration, serving-gateway, monitoring',
      ),
    );
  });

  it('rejects empty entries', () => {
    expect(() => resolveTargets('tracking,,registry')).toThrow(/empty entry/);
  });

  it('treats all inside a list as all', () => {
    expect(isStandalone(resolveTargets('tracking,all'))).toBe(true);
    expect(isStandalone(resolveTargets('tracking'))).toBe(false);
  });
});

import { dedupToken } from './offset-range';
import { PartitionProgress } from './partition-progress';

describe('PartitionProgress', () => {
  const assignment = [{ topic: 't', partitions: [0] }];

  it('asks the journal for a partition this process has not written', () => {
    expect(new PartitionProgress().at('t', 0, '0', assignment)).toEqual({ kind: 'unknown' });
  });

  it('knows a batch right after its own last range continues it', () => {
    const progress = new PartitionProgress();
    progress.recorded('t', 0, { first: '0', last: '9' }, assignment);
    expect(progress.at('t', 0, '10', assignment)).toEqual({ kind: 'continues' });
  });

  it('hands back its own range when the same batch is retried', () => {
    const progress = new PartitionProgress();
    progress.recorded('t', 0, { first: '0', last: '9' }, assignment);
    expect(progress.at('t', 0, '0', assignment)).toEqual({ kind: 'retry', range: { first: '0', last: '9' } });
  });

  it('asks the journal again after a rebalance, when another member may have written the partition', () => {
    const progress = new PartitionProgress();
    progress.recorded('t', 0, { first: '0', last: '9' }, assignment);
    expect(progress.at('t', 0, '10', [{ topic: 't', partitions: [0] }])).toEqual({ kind: 'unknown' });
  });

  it('asks the journal after a jump in offsets', () => {
    const progress = new PartitionProgress();
    progress.recorded('t', 0, { first: '0', last: '9' }, assignment);
    expect(progress.at('t', 0, '25', assignment)).toEqual({ kind: 'unknown' });
  });

  it('builds tokens from topic, partition and offsets', () => {
    expect(dedupToken('flywheel.inference.logs.v1', 2, { first: '100', last: '199' })).toBe('flywheel.inference.logs.v1:2:100-199');
  });
});

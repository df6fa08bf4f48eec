import { follows, type OffsetRange } from './offset-range';

/** What this process last inserted for one partition, and under which group assignment. */
interface Progress {
  readonly range: OffsetRange;
  readonly assignment: unknown;
}

/**
 * Remembers the last range this process inserted per partition, so the journal in ClickHouse is
 * read only when a batch does not simply continue it: after a start, a rebalance (the assignment
 * object changes on every group join; another member may have inserted meanwhile) or a jump.
 */
export class PartitionProgress {
  private readonly progress = new Map<string, Progress>();

  /**
   * `continues`: nothing can be recorded at `first` (this process inserted up to just before it).
   * `retry`: this process recorded the range at `first` itself. `unknown`: ask the journal.
   */
  at(topic: string, partition: number, first: string, assignment: unknown): { kind: 'continues' } | { kind: 'retry'; range: OffsetRange } | { kind: 'unknown' } {
    const known = this.progress.get(`${topic}/${partition}`);
    if (!known || known.assignment !== assignment) return { kind: 'unknown' };
    if (known.range.first === first) return { kind: 'retry', range: known.range };
    return follows(known.range, first) ? { kind: 'continues' } : { kind: 'unknown' };
  }

  /** Called once `range` is in the journal, before its insert: a retry of the batch reuses it. */
  recorded(topic: string, partition: number, range: OffsetRange, assignment: unknown): void {
    this.progress.set(`${topic}/${partition}`, { range, assignment });
  }
}

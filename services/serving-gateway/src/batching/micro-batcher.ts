import type { Tensor } from '../protocol/datatypes';
import { batchKey, batchRows, concatInputs, splitOutputs } from './tensor-batch';

/** Runs one model on inputs; answers every output of the model, in signature order. */
export type RunInputs = (inputs: readonly Tensor[]) => Promise<Tensor[]>;

interface Pending {
  inputs: readonly Tensor[];
  rows: number;
  resolve(outputs: Tensor[]): void;
  reject(error: unknown): void;
}

/**
 * Dynamic batching: requests for one model that arrive in the same turn of the event loop run as
 * one inference, their inputs joined along the batch dimension (up to `maxRows` rows a run), and
 * each gets its own rows of the outputs. No request waits for a timer: the batch is whatever has
 * arrived when the loop next checks, so under light load every run has one request and under
 * heavy load the per-run cost of the runtime (about 20 µs of main-thread CPU for a small model,
 * whatever the rows) is shared. A request that cannot join others (its inputs disagree on the
 * rows) runs alone; when a joined run fails, or answers outputs that are not row by row, its
 * requests run again one by one, so one request's failure is its own.
 */
export class MicroBatcher {
  private queued = new Map<string, Pending[]>();
  private scheduled = false;
  private runs = 0;
  private batchedRequests = 0;

  constructor(
    private readonly run: RunInputs,
    private readonly maxRows: number,
  ) {}

  /** Runs `inputs` (matched to the model's signature), alone or with others; every output. */
  submit(inputs: readonly Tensor[]): Promise<Tensor[]> {
    const rows = batchRows(inputs);
    if (rows === undefined || rows >= this.maxRows) return this.runAlone(inputs);
    return new Promise<Tensor[]>((resolve, reject) => {
      const key = batchKey(inputs);
      const group = this.queued.get(key);
      const pending: Pending = { inputs, rows, resolve, reject };
      if (group) group.push(pending);
      else this.queued.set(key, [pending]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Model runs so far and the requests that shared one with another. */
  stats(): { runs: number; batchedRequests: number } {
    return { runs: this.runs, batchedRequests: this.batchedRequests };
  }

  private flush(): void {
    this.scheduled = false;
    const groups = this.queued;
    this.queued = new Map();
    for (const group of groups.values()) {
      let chunk: Pending[] = [];
      let rows = 0;
      for (const pending of group) {
        if (rows + pending.rows > this.maxRows && chunk.length > 0) {
          void this.runChunk(chunk);
          chunk = [];
          rows = 0;
        }
        chunk.push(pending);
        rows += pending.rows;
      }
      void this.runChunk(chunk);
    }
  }

  private async runChunk(chunk: Pending[]): Promise<void> {
    if (chunk.length === 1) {
      const [only] = chunk as [Pending];
      return this.runAlone(only.inputs).then(only.resolve, only.reject);
    }
    const rows = chunk.map((pending) => pending.rows);
    let shares: Tensor[][] | undefined;
    try {
      this.runs++;
      shares = splitOutputs(
        await this.run(
          concatInputs(
            chunk.map((pending) => pending.inputs),
            rows,
          ),
        ),
        rows,
      );
    } catch {
      shares = undefined;
    }
    if (shares === undefined) {
      for (const pending of chunk) this.runAlone(pending.inputs).then(pending.resolve, pending.reject);
      return;
    }
    this.batchedRequests += chunk.length;
    chunk.forEach((pending, i) => pending.resolve(shares[i]!));
  }

  private runAlone(inputs: readonly Tensor[]): Promise<Tensor[]> {
    this.runs++;
    return this.run(inputs);
  }
}

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One paced run: unary calls of `path` with `message` at `rps` for `seconds`, not waiting for answers. */
export interface PacedJob {
  /** `http://host:port` of the gRPC server. */
  address: string;
  /** `/package.Service/Method`. */
  path: string;
  /** The encoded request (sent length-prefixed, as gRPC frames it). */
  message: Uint8Array;
  rps: number;
  seconds: number;
}

export interface PacedResult {
  /** Every call's latency in ms, sorted. */
  latencies: Float64Array;
  /** The load generator's garbage-collection pauses during the run, in ms. */
  gcPauses: number[];
}

/** Runs `job` in a worker thread of its own (see paced-client.worker.ts). */
export function pacedRun(job: PacedJob): Promise<PacedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'paced-client.worker.ts'), { workerData: job });
    worker.once('message', (result: PacedResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`paced load generator exited with code ${code}`));
    });
  });
}

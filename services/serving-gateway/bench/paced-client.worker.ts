// A paced load generator in a worker thread of its own: an isolate whose heap holds only this
// loop. In the bench's main thread (transpiler, protobuf definitions, Kafka and PostgreSQL
// clients, the closed loop's results) a paced run also met mark-compacts of about 24 ms, which
// counted as gateway latency; here only scavenges remain (4-7 ms of wall time each on the loaded
// 2-core machine, about 9 in a 5 s run), reported beside the result.
import { connect } from 'node:http2';
import { PerformanceObserver } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { RawGrpcClient } from './raw-grpc-client';
import type { PacedJob, PacedResult } from './paced-run';

async function run(job: PacedJob): Promise<PacedResult> {
  const client = new RawGrpcClient(connect(job.address), job.path, Buffer.from(job.message));
  try {
    await client.call(); // the connection is up before the clock starts
    const total = Math.round(job.rps * job.seconds);
    const latencies = new Float64Array(total);
    const gcPauses: number[] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    let answered = 0;
    let allAnswered = (): void => undefined;
    let callFailed = (_error: unknown): void => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      allAnswered = resolve;
      callFailed = reject;
    });
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / job.rps - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = performance.now();
      client.call().then(
        () => {
          latencies[i] = performance.now() - sent;
          if (++answered === total) allAnswered();
        },
        (error: unknown) => callFailed(error),
      );
    }
    await finished;
    gcObserver.disconnect();
    return { latencies: latencies.sort(), gcPauses };
  } finally {
    client.close();
  }
}

// A failure rejects unhandled, which ends the worker with an 'error' event (see pacedRun).
void run(workerData as PacedJob).then((result) =>
  parentPort?.postMessage(result, [result.latencies.buffer as ArrayBuffer]),
);

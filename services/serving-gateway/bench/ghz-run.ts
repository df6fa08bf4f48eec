// Paced runs by ghz (github.com/bojand/ghz, built by scripts/stack/ghz.sh): a Go load generator,
// whose concurrent garbage collector does not stop the clock for milliseconds as a Node.js
// isolate's scavenges do. Used to measure the gateway's tail latency at a fixed request rate.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { protoPath } from '@flywheel/contracts';

const run = promisify(execFile);
const GHZ_SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'stack', 'ghz.sh');
/** Calls before the measured ones, left out of the result: the client's connection and warm-up. */
const WARM_UP_CALLS = 500;

/** The ghz binary, built on first use (about 40 s; the build's progress goes to stderr). */
export function ghzBinary(): string {
  execFileSync('bash', [GHZ_SCRIPT, 'install'], { stdio: ['ignore', 'inherit', 'inherit'] });
  return execFileSync('bash', [GHZ_SCRIPT, 'path'], { encoding: 'utf8' }).trim();
}

export interface GhzJob {
  /** The ghz binary (see `ghzBinary`). */
  ghz: string;
  /** `host:port` of the gRPC server (plaintext). */
  target: string;
  /** The .proto file, relative to proto/, that defines `call`. */
  protoFile: string;
  /** `package.Service.Method`, a unary method. */
  call: string;
  /** The encoded request. */
  message: Uint8Array;
  rps: number;
  seconds: number;
}

/** What the bench reads of ghz's JSON report: every call, with its latency in ns. */
interface GhzReport {
  details?: Array<{ latency: number; status: string; error?: string }>;
}

/** The calls' latencies in ms, sorted, from a report of `expected` calls; fails on any failed call. */
function latenciesFromReport(report: GhzReport, expected: number): Float64Array {
  const details = report.details ?? [];
  const failed = details.filter((detail) => detail.status !== 'OK');
  if (failed.length > 0) {
    throw new Error(
      `ghz: ${failed.length} of ${details.length} calls failed, the first with ${failed[0]!.status}: ${failed[0]!.error ?? ''}`,
    );
  }
  if (details.length !== expected)
    throw new Error(`ghz: ${details.length} calls reported, ${expected} expected`);
  return Float64Array.from(details, (detail) => detail.latency / 1e6).sort();
}

/** Runs `job`: every measured call's latency in ms, sorted. */
export async function ghzRun(job: GhzJob): Promise<Float64Array> {
  const dir = await mkdtemp(join(tmpdir(), 'serving-bench-ghz-'));
  try {
    const messageFile = join(dir, 'request.bin');
    await writeFile(messageFile, job.message);
    const total = Math.round(job.rps * job.seconds);
    const { stdout } = await run(
      job.ghz,
      [
        '--insecure',
        `--proto=${protoPath(job.protoFile)}`,
        `--call=${job.call}`,
        // ghz takes an empty binary file for no data at all; an empty message is `{}` in JSON.
        job.message.length === 0 ? '--data={}' : `--binary-file=${messageFile}`,
        `--rps=${job.rps}`,
        `--total=${total + WARM_UP_CALLS}`,
        `--skipFirst=${WARM_UP_CALLS}`,
        // Far more workers than calls in flight at this rate, so a slow answer never holds back
        // the next call: an open loop over one connection.
        '--concurrency=64',
        '--connections=1',
        '--format=json',
        job.target,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return latenciesFromReport(JSON.parse(stdout) as GhzReport, total);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

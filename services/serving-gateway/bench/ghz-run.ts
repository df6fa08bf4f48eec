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
/**
 * ghz's Go garbage collector is off, with a memory limit as the backstop: its concurrent marking
 * took CPU from the gateway on these two cores and held ghz off its own schedule. Side by side,
 * four alternating pairs: transport floor p99 0.68-0.94 ms against 1.15-1.64 ms with Go's
 * default, ModelInfer p99 overhead 1.22-1.81 against 1.99-7.25 ms. ghz keeps every call's result
 * and allocates about 55 MB per 1,000 calls (567 MB resident after a 10 s run at 1,000/s), so
 * the limit grows with the run: 100 MiB per 1,000 calls, at least 1 GiB. GOGC / GOMEMLIMIT in
 * the environment override both.
 */
function ghzGcEnvironment(calls: number): Record<string, string> {
  const limitMiB = Math.max(1024, Math.ceil(calls / 10));
  return { GOGC: process.env['GOGC'] ?? 'off', GOMEMLIMIT: process.env['GOMEMLIMIT'] ?? `${limitMiB}MiB` };
}

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

/** What the bench reads of ghz's JSON report: every call, with its start (RFC 3339, ns) and latency in ns. */
interface GhzReport {
  details?: Array<{ timestamp: string; latency: number; status: string; error?: string }>;
}

export interface GhzResult {
  /** Every measured call's latency in ms, sorted. */
  latencies: Float64Array;
  /**
   * The gaps in ms between consecutive call starts, sorted: at a steady `rps` they stay near
   * 1000 / rps, so a long gap means the load generator itself was not running, and the
   * calls around it were slowed by the machine, not by the server.
   */
  sendGaps: Float64Array;
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

/** ms since the epoch, to the microsecond, of an RFC 3339 timestamp with up to 9 fraction digits. */
function epochMs(timestamp: string): number {
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  const whole = Date.parse(timestamp.replace(/\.\d+/, ''));
  if (Number.isNaN(whole)) throw new Error(`ghz: unreadable call timestamp ${JSON.stringify(timestamp)}`);
  return whole + Number(`0.${fraction || '0'}`) * 1000;
}

function sendGapsFromReport(report: GhzReport): Float64Array {
  const starts = Float64Array.from(report.details ?? [], (detail) => epochMs(detail.timestamp)).sort();
  return starts
    .subarray(1)
    .map((start, i) => start - starts[i]!)
    .sort();
}

/** Runs `job`: every measured call's latency, and the gaps between call starts. */
export async function ghzRun(job: GhzJob): Promise<GhzResult> {
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
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...ghzGcEnvironment(total + WARM_UP_CALLS) } },
    );
    const report = JSON.parse(stdout) as GhzReport;
    return { latencies: latenciesFromReport(report, total), sendGaps: sendGapsFromReport(report) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration, type ProcessTask } from '@flywheel/pipelines';
import type { ProcessExecutorOptions } from '../orchestration-options';
import { OutputTail } from './output-tail';
import { processEnv } from './process-env';

/** How an attempt ended. */
export interface ProcessOutcome {
  succeeded: boolean;
  /** Why it failed; empty when it succeeded. */
  message: string;
  exitCode: number | undefined;
  outputTail: string;
}

/** A running attempt: its outcome, and a way to stop it early (SIGTERM, then SIGKILL). */
export interface ProcessAttempt {
  readonly outcome: Promise<ProcessOutcome>;
  stop(): void;
}

export interface ProcessLaunch {
  runId: string;
  step: string;
  attempt: number;
  /** Resolved by `nextActions`: placeholders in args and env already rendered, one string per argv element. */
  task: ProcessTask;
  timeoutMs: number | undefined;
}

/**
 * Runs a `process` step of a registered definition: `command` with `args` as the argv, with no
 * shell (so a parameter value is one argument, whatever characters it holds), a minimal
 * environment, and a working directory of its own under the run's directory. The step's timeout
 * sends SIGTERM, then SIGKILL after the grace period; output is kept up to the size cap.
 */
export class ProcessStepExecutor {
  constructor(
    private readonly runsDir: string,
    private readonly options: ProcessExecutorOptions,
    private readonly hostEnv: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The working directory of a run's steps. */
  runDir(runId: string): string {
    return join(this.runsDir, runId);
  }

  start(launch: ProcessLaunch): ProcessAttempt {
    const workDir = this.runDir(launch.runId);
    mkdirSync(workDir, { recursive: true });
    const env = processEnv(this.hostEnv, this.options.envAllowlist, launch.task.env, { ...launch, workDir });
    const child = spawn(launch.task.command, [...launch.task.args], {
      cwd: workDir,
      env,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = new OutputTail(this.options.outputLimitBytes);
    child.stdout.on('data', (chunk: Buffer) => tail.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => tail.push(chunk));

    let stopReason: string | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (reason: string): void => {
      if (stopReason !== undefined || child.exitCode !== null || child.signalCode !== null) return;
      stopReason = reason;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs);
      killTimer.unref();
    };
    const deadline =
      launch.timeoutMs === undefined
        ? undefined
        : setTimeout(() => stop(`timed out after ${formatDuration(launch.timeoutMs!)}`), launch.timeoutMs);

    const outcome = new Promise<ProcessOutcome>((resolve) => {
      let spawnError: Error | undefined;
      child.once('error', (error) => {
        spawnError = error;
      });
      child.once('close', (code, signal) => {
        clearTimeout(deadline);
        clearTimeout(killTimer);
        const exitCode = code ?? undefined;
        const outputTail = tail.text();
        if (spawnError)
          resolve({
            succeeded: false,
            message: `could not start ${launch.task.command}: ${spawnError.message}`,
            exitCode,
            outputTail,
          });
        else if (stopReason !== undefined)
          resolve({
            succeeded: false,
            message: `${stopReason}; stopped by ${signal ?? `exit code ${code}`}`,
            exitCode,
            outputTail,
          });
        else if (code === 0) resolve({ succeeded: true, message: '', exitCode, outputTail });
        else
          resolve({
            succeeded: false,
            message: code === null ? `killed by ${signal}` : `exited with code ${code}`,
            exitCode,
            outputTail,
          });
      });
    });
    return { outcome, stop: () => stop('stopped') };
  }
}

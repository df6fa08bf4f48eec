import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration, type ProcessTask } from '@flywheel/pipelines';
import type { ProcessExecutorOptions } from '../orchestration-options';
import { OutputTail } from './output-tail';
import { processEnv } from './process-env';
import { readStepOutputs } from './step-outputs-file';
import type { StepAttempt, StepLaunch, StepOutcome } from './step-executor';

/** How a process attempt ended. */
export type ProcessOutcome = StepOutcome;

/** A running attempt: its outcome, and a way to stop it early (SIGTERM, then SIGKILL). */
export type ProcessAttempt = StepAttempt;

/** Resolved by `nextActions`: placeholders in args and env already rendered, one string per argv element. */
export type ProcessLaunch = StepLaunch<ProcessTask>;

/**
 * Runs a `process` step of a registered definition: `command` with `args` as the argv, with no
 * shell (so a parameter value is one argument, whatever characters it holds), a minimal
 * environment, and a working directory of its own under the run's directory. The step's timeout
 * sends SIGTERM, then SIGKILL after the grace period; output is kept up to the size cap.
 * A process that exits 0 may leave its outputs as a JSON object in the file `FLYWHEEL_OUTPUTS`.
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
    const outputsFile = join(workDir, '.outputs', `${launch.step}.${launch.attempt}.json`);
    mkdirSync(join(workDir, '.outputs'), { recursive: true });
    const env = processEnv(
      this.hostEnv,
      this.options.envAllowlist,
      { ...this.options.serviceEnv, ...launch.task.env },
      { ...launch, workDir, outputsFile },
    );
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
        else if (code === 0) {
          const outputs = readStepOutputs(outputsFile);
          resolve(
            outputs.ok
              ? { succeeded: true, message: '', exitCode, outputTail, outputs: outputs.value }
              : { succeeded: false, message: outputs.error, exitCode, outputTail, retryable: false },
          );
        } else
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

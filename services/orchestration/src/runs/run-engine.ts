import { randomUUID } from 'node:crypto';
import { type Value, recordFailed, recordSucceeded, runStatusOf, stepStateOf } from '@flywheel/pipelines';

/** Each round resolves at least one cached step, so a chain of cached steps needs at most this many. */
const MAX_CACHE_ROUNDS = 500;
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { StepAttempt, StepExecutor, StepOutcome } from '../executor/step-executor';
import { type PlannedLaunch, attemptKey, planRun } from './plan-run';
import type { RunsRepository } from './runs.repository';

export interface RunEngineLogger {
  error(message: string, error: unknown): void;
}

/**
 * Drives runs from their stored state: every poll it renews its leases, takes over runs whose
 * lease lapsed (another instance stopped, or this process restarted), and applies `planRun`
 * to each under the run's row lock. Processes start after the state that records them is
 * committed; when one ends, its result is recorded and the run advanced again at once.
 */
export class RunEngine {
  /** This instance's lease owner id: new per process, so a restart is a new owner. */
  readonly owner = `orchestrator-${randomUUID()}`;
  private readonly watched = new Map<string, StepAttempt>();
  /**
   * Attempts recorded running by a transaction of this instance that are not launched yet. Another
   * `advance` of the same run can read the committed state before the launch (its row lock is
   * granted at the commit), and must not take them for attempts nobody watches.
   */
  private readonly launching = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly runs: RunsRepository,
    private readonly executor: StepExecutor,
    private readonly options: { pollIntervalMs: number; leaseMs: number },
    private readonly log: RunEngineLogger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Advances a run now (a trigger), without waiting for the next poll. */
  wake(runId: string): void {
    this.track(this.advance(runId));
  }

  /** Stops polling and the processes it watches, and hands its runs over: another instance resumes them. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.ticking;
    for (const attempt of this.watched.values()) attempt.stop();
    await Promise.allSettled([...this.watched.values()].map((attempt) => attempt.outcome));
    await Promise.allSettled([...this.pending]);
    try {
      await this.runs.release(this.owner);
    } catch (error) {
      // The leases then lapse on their own; the next instance waits leaseMs longer.
      this.log.error('releasing run leases failed', error);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        this.ticking = undefined;
        this.schedule(this.options.pollIntervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      for (const runId of await this.runs.claim(this.owner, this.options.leaseMs)) {
        if (this.stopping) return;
        await this.advance(runId);
      }
    } catch (error) {
      this.log.error('orchestration poll failed', error);
    }
  }

  private async advance(runId: string): Promise<void> {
    if (this.stopping) return;
    let launching: string[] = [];
    try {
      const launches = await this.database.transaction(async (tx) => {
        const run = await this.runs.lockOwned(tx, runId, this.owner);
        if (!run) return [];
        const now = Date.now();
        const isWatched = (key: string): boolean =>
          this.watched.has(`${runId}/${key}`) || this.launching.has(`${runId}/${key}`);
        let plan = planRun(run.pipeline, run.state, now, isWatched);
        // Steps with an earlier result under their cache key are not launched: plan again with those results.
        const cached = new Map<string, Readonly<Record<string, Value>>>();
        for (let round = 0; round < MAX_CACHE_ROUNDS; round += 1) {
          const keys = plan.launches.flatMap((launch) =>
            launch.cacheKey !== undefined && !cached.has(launch.cacheKey) ? [launch.cacheKey] : [],
          );
          if (keys.length === 0) break;
          const found = await this.runs.cachedOutputs(tx, keys);
          if (found.size === 0) break;
          for (const [key, outputs] of found) cached.set(key, outputs);
          plan = planRun(run.pipeline, run.state, now, isWatched, cached);
        }
        for (const launch of plan.launches)
          await this.runs.insertAttempt(tx, runId, launch.step, launch.attempt, now);
        launching = plan.launches.map((launch) => `${runId}/${attemptKey(launch.step, launch.attempt)}`);
        for (const key of launching) this.launching.add(key);
        for (const key of plan.stops) this.watched.get(`${runId}/${key}`)?.stop();
        await this.runs.saveState(tx, run, plan.state, plan.status);
        return plan.launches;
      });
      // Stopping: the attempts stay recorded running, and the next owner finds them interrupted.
      if (this.stopping) return;
      for (const launch of launches) this.launch(runId, launch);
    } catch (error) {
      this.log.error(`advancing run ${runId} failed`, error);
    } finally {
      for (const key of launching) this.launching.delete(key);
    }
  }

  private launch(runId: string, launch: PlannedLaunch): void {
    const key = `${runId}/${attemptKey(launch.step, launch.attempt)}`;
    let attempt: StepAttempt;
    try {
      attempt = this.executor.start({ runId, ...launch });
    } catch (error) {
      const message = `could not start step ${launch.step}: ${error instanceof Error ? error.message : String(error)}`;
      this.track(
        this.finish(runId, launch, { succeeded: false, message, exitCode: undefined, outputTail: '' }),
      );
      return;
    }
    this.watched.set(key, attempt);
    this.track(
      attempt.outcome.then(async (outcome) => {
        // Stopping for shutdown is not the attempt's failure: the next owner sees it interrupted.
        if (!this.stopping) await this.finish(runId, launch, outcome);
        this.watched.delete(key);
      }),
    );
  }

  /** Records how an attempt ended, if the run still expects it, and advances the run. */
  private async finish(runId: string, launch: PlannedLaunch, outcome: StepOutcome): Promise<void> {
    try {
      await this.runs.finishAttempt(runId, launch.step, launch.attempt, outcome);
      await this.database.transaction(async (tx) => {
        const run = await this.runs.lockOwned(tx, runId, this.owner);
        const current = run && stepStateOf(run.state, launch.step);
        if (!run || current?.status !== 'running' || current.attempts !== launch.attempt) return;
        const now = Date.now();
        if (outcome.succeeded && launch.cacheKey !== undefined)
          await this.runs.storeCached(tx, launch.cacheKey, runId, launch.step, outcome.outputs ?? {});
        const state = outcome.succeeded
          ? recordSucceeded(run.state, launch.step, outcome.outputs ?? {}, now)
          : recordFailed(run.state, launch.step, now, {
              message: outcome.message,
              ...(outcome.retryable === undefined ? {} : { retryable: outcome.retryable }),
            });
        await this.runs.saveState(
          tx,
          run,
          state,
          runStatusOf(run.pipeline, (name) => stepStateOf(state, name)),
        );
      });
    } catch (error) {
      this.log.error(`recording ${launch.step} of run ${runId} failed`, error);
    }
    this.watched.delete(`${runId}/${attemptKey(launch.step, launch.attempt)}`);
    await this.advance(runId);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    const forget = (): void => void this.pending.delete(work);
    work.then(forget, forget);
  }
}

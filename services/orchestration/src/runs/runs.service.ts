import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  type ScalarValue,
  type TriggerEvent,
  admitRun,
  eventTriggersFor,
  resolveParams,
} from '@flywheel/pipelines';
import type { AuditTrail, Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { DefinitionsRepository } from '../definitions/definitions.repository';
import type { StoredDefinition } from '../definitions/stored-definition';
import { failedPrecondition, invalidArgument, notFound } from '../orchestration-error';
import type { RunEngine } from './run-engine';
import type { AttemptRecord, StoredRun } from './run-row';
import type { RunsRepository } from './runs.repository';
import { typedParams } from './typed-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an event did to one pipeline: a run started, or why none did. */
export type EventRunOutcome = { pipeline: string; runId: string } | { pipeline: string; refused: string };

/**
 * Triggering runs of stored definitions and reading them. A trigger chooses a stored pipeline
 * version and values for its declared parameters, nothing else: what runs is the definition's.
 */
export class RunsService {
  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly definitions: DefinitionsRepository,
    private readonly runs: RunsRepository,
    private readonly engine: RunEngine,
    private readonly audit: AuditTrail,
    private readonly leaseMs: number,
  ) {}

  /** Creates a run (audited in the same transaction), applying the pipeline's concurrency policy; returns its id. */
  async trigger(
    caller: Caller,
    name: string,
    version: number,
    given: Readonly<Record<string, string>>,
  ): Promise<string> {
    const runId = await this.database.transaction(async (tx) => {
      const definition = await this.definitions.find(name, version, tx);
      if (!definition)
        throw notFound(
          version === 0
            ? `pipeline '${name}' is not registered`
            : `pipeline '${name}' has no version ${version}`,
        );
      const started = await this.createRun(tx, caller, definition, typedParams(definition.pipeline, given));
      if ('refused' in started) throw started.error;
      return started.runId;
    });
    this.engine.wake(runId);
    return runId;
  }

  /**
   * Starts a run of every pipeline (latest version) with an event trigger `event` fires, in the
   * caller's transaction (which records the event as processed). Parameters: the trigger's,
   * plus event attributes named like a declared parameter. Refusals (concurrency `forbid`,
   * bad parameters) are outcomes, not errors: the event is handled either way.
   */
  async startForEvent(tx: PoolClient, caller: Caller, event: TriggerEvent): Promise<EventRunOutcome[]> {
    const outcomes: EventRunOutcome[] = [];
    for (const definition of await this.definitions.listLatest(tx)) {
      for (const trigger of eventTriggersFor(definition.pipeline, event)) {
        const params: Record<string, ScalarValue> = {};
        for (const spec of definition.pipeline.params)
          if (Object.hasOwn(event.attributes, spec.name) && spec.type === 'string')
            params[spec.name] = event.attributes[spec.name]!;
        Object.assign(params, trigger.params);
        outcomes.push(await this.startIn(tx, caller, definition, params));
      }
    }
    return outcomes;
  }

  /** Starts a run of `definition` with `params` in the caller's transaction (schedules). */
  async startIn(
    tx: PoolClient,
    caller: Caller,
    definition: StoredDefinition,
    params: Readonly<Record<string, ScalarValue>>,
  ): Promise<EventRunOutcome> {
    const started = await this.createRun(tx, caller, definition, params);
    return 'refused' in started
      ? { pipeline: definition.name, refused: started.refused }
      : { pipeline: definition.name, runId: started.runId };
  }

  /** Advances runs created in a transaction that has committed. */
  wake(runIds: readonly string[]): void {
    for (const runId of runIds) this.engine.wake(runId);
  }

  /** Asks a running run to cancel: pending steps are cancelled, running ones stopped, the exit handler runs. */
  async cancel(caller: Caller, runId: string): Promise<void> {
    if (!UUID.test(runId)) throw invalidArgument(`run_id must be a UUID, got ${JSON.stringify(runId)}`);
    await this.database.transaction(async (tx) => {
      const run = await this.runs.find(runId);
      if (!run) throw notFound(`run ${runId} does not exist`);
      if (run.status !== 'running') throw failedPrecondition(`run ${runId} already ended (${run.status})`);
      await this.runs.requestCancel(tx, runId);
      await this.audit.append(
        {
          principal: caller.principal,
          action: 'pipelines.trigger',
          target: { type: 'pipeline_run', id: runId },
          before: { status: run.status },
          after: { cancelRequested: true },
          requestId: caller.requestId,
          service: 'orchestration',
        },
        tx,
      );
    });
    this.engine.wake(runId);
  }

  async get(runId: string): Promise<{ run: StoredRun; attempts: AttemptRecord[] }> {
    if (!UUID.test(runId)) throw invalidArgument(`run_id must be a UUID, got ${JSON.stringify(runId)}`);
    const run = await this.runs.find(runId);
    if (!run) throw notFound(`run ${runId} does not exist`);
    return { run, attempts: await this.runs.lastAttempts(runId) };
  }

  /** Runs newest first, optionally of one pipeline, at most `limit`. */
  list(filter: { pipelineName?: string; limit: number }): Promise<StoredRun[]> {
    return this.runs.list(filter);
  }

  private async createRun(
    tx: PoolClient,
    caller: Caller,
    definition: StoredDefinition,
    given: Readonly<Record<string, ScalarValue>>,
  ): Promise<{ runId: string } | { refused: string; error: Error }> {
    const name = definition.name;
    const params = resolveParams(definition.pipeline, given);
    if (!params.ok) {
      const refused = `params: ${params.error.join('; ')}`;
      return { refused, error: invalidArgument(refused) };
    }
    // Serializes triggers of one pipeline, so the concurrency policy sees every active run.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.database.runs}:${name}`]);
    const admission = admitRun(definition.pipeline.concurrency, await this.runs.activeRunIds(tx, name));
    if (!admission.admit) {
      const refused = `pipeline '${name}': ${admission.reason}`;
      return { refused, error: failedPrecondition(refused) };
    }
    for (const id of admission.cancelRuns) await this.runs.requestCancel(tx, id);
    const runId = randomUUID();
    await this.runs.insert(tx, {
      id: runId,
      pipelineName: name,
      pipelineVersion: definition.version,
      state: { params: params.value, steps: {} },
      triggeredBy: caller.principal.id,
      owner: this.engine.owner,
      leaseMs: this.leaseMs,
    });
    await this.runs.appendEvents(tx, runId, [
      { step: '', status: 'running', attempt: 0, message: 'created' },
    ]);
    await this.audit.append(
      {
        principal: caller.principal,
        action: 'pipelines.trigger',
        target: { type: 'pipeline_run', id: runId },
        after: {
          pipeline: name,
          version: definition.version,
          params: params.value,
          cancelled: admission.cancelRuns,
        },
        requestId: caller.requestId,
        service: 'orchestration',
      },
      tx,
    );
    return { runId };
  }
}

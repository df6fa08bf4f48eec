import { randomUUID } from 'node:crypto';
import { admitRun, resolveParams } from '@flywheel/pipelines';
import type { AuditTrail, Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { DefinitionsRepository } from '../definitions/definitions.repository';
import { failedPrecondition, invalidArgument, notFound } from '../orchestration-error';
import type { RunEngine } from './run-engine';
import type { AttemptRecord, StoredRun } from './run-row';
import type { RunsRepository } from './runs.repository';
import { typedParams } from './typed-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    const runId = randomUUID();
    await this.database.transaction(async (tx) => {
      const definition = await this.definitions.find(name, version, tx);
      if (!definition)
        throw notFound(
          version === 0
            ? `pipeline '${name}' is not registered`
            : `pipeline '${name}' has no version ${version}`,
        );
      const params = resolveParams(definition.pipeline, typedParams(definition.pipeline, given));
      if (!params.ok) throw invalidArgument(`params: ${params.error.join('; ')}`);
      // Serializes triggers of one pipeline, so the concurrency policy sees every active run.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.database.runs}:${name}`]);
      const admission = admitRun(definition.pipeline.concurrency, await this.runs.activeRunIds(tx, name));
      if (!admission.admit) throw failedPrecondition(`pipeline '${name}': ${admission.reason}`);
      for (const id of admission.cancelRuns) await this.runs.requestCancel(tx, id);
      await this.runs.insert(tx, {
        id: runId,
        pipelineName: name,
        pipelineVersion: definition.version,
        state: { params: params.value, steps: {} },
        triggeredBy: caller.principal.id,
        owner: this.engine.owner,
        leaseMs: this.leaseMs,
      });
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
    });
    this.engine.wake(runId);
    return runId;
  }

  async get(runId: string): Promise<{ run: StoredRun; attempts: AttemptRecord[] }> {
    if (!UUID.test(runId)) throw invalidArgument(`run_id must be a UUID, got ${JSON.stringify(runId)}`);
    const run = await this.runs.find(runId);
    if (!run) throw notFound(`run ${runId} does not exist`);
    return { run, attempts: await this.runs.lastAttempts(runId) };
  }
}

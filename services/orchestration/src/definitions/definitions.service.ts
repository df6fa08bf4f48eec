import { createHash } from 'node:crypto';
import { parsePipeline } from '@flywheel/pipelines';
import type { AuditTrail, Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import { invalidArgument, notFound } from '../orchestration-error';
import type { DefinitionsRepository } from './definitions.repository';
import { describePipelineErrors } from './pipeline-problems';
import type { StoredDefinition } from './stored-definition';

/** Registering and reading pipeline definitions. Who may register is the route table's job (admins). */
export class DefinitionsService {
  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly definitions: DefinitionsRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Validates `yaml` and stores it as the next version of the pipeline it names, audited in the same transaction. */
  async register(caller: Caller, yaml: string): Promise<StoredDefinition> {
    const parsed = parsePipeline(yaml);
    if (!parsed.ok) throw invalidArgument(describePipelineErrors(parsed.errors));
    const sha256 = createHash('sha256').update(yaml).digest('hex');
    return this.database.transaction(async (tx) => {
      const stored = await this.definitions.insertNextVersion(tx, {
        pipeline: parsed.pipeline,
        yaml,
        sha256,
        registeredBy: caller.principal.id,
      });
      await this.audit.append(
        {
          principal: caller.principal,
          action: 'pipelines.define',
          target: { type: 'pipeline', id: `${stored.name}@${stored.version}` },
          after: { name: stored.name, version: stored.version, sha256 },
          requestId: caller.requestId,
          service: 'orchestration',
        },
        tx,
      );
      return stored;
    });
  }

  /** `version` 0 means the latest. */
  async get(name: string, version: number): Promise<StoredDefinition> {
    const found = await this.definitions.find(name, version);
    if (!found)
      throw notFound(
        version === 0
          ? `pipeline '${name}' is not registered`
          : `pipeline '${name}' has no version ${version}`,
      );
    return found;
  }

  list(): Promise<StoredDefinition[]> {
    return this.definitions.listLatest();
  }
}

import { createLogger } from '@flywheel/telemetry';
import type { AuditTrail } from './audit-trail';
import type { OrchestrationDatabase } from './db/orchestration-database';
import { DefinitionsRepository } from './definitions/definitions.repository';
import { DefinitionsService } from './definitions/definitions.service';
import { ProcessStepExecutor } from './executor/process-step-executor';
import type { OrchestrationOptions } from './orchestration-options';
import { RunEngine } from './runs/run-engine';
import { RunsRepository } from './runs/runs.repository';
import { RunsService } from './runs/runs.service';

/** The service's objects, wired once: repositories, the run engine and the use cases. */
export class OrchestrationComponents {
  readonly definitions: DefinitionsService;
  readonly runs: RunsService;
  readonly engine: RunEngine;

  constructor(database: OrchestrationDatabase, audit: AuditTrail, options: OrchestrationOptions) {
    const log = createLogger('orchestration');
    const definitions = new DefinitionsRepository(database);
    const runs = new RunsRepository(database);
    this.engine = new RunEngine(
      database,
      runs,
      new ProcessStepExecutor(options.runsDir, options.executor),
      options,
      {
        error: (message, error) => log.error({ err: error }, message),
      },
    );
    this.definitions = new DefinitionsService(database, definitions, audit);
    this.runs = new RunsService(database, definitions, runs, this.engine, audit, options.leaseMs);
  }
}

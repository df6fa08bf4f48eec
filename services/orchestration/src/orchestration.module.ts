import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { ARTIFACT_STORE, AUDIT_LOG, CLICKHOUSE, EVENT_BUS, PG_POOL } from '@flywheel/platform';
import type { ArtifactStore } from '@flywheel/storage';
import type { EventBus } from '@flywheel/kafka';
import type { PgPool } from '@flywheel/postgres';
import { ReadinessProbe } from '@flywheel/service-kit';
import type { AuditTrail } from './audit-trail';
import { migrateOrchestrationSchema } from './db/migrate-orchestration-schema';
import { OrchestrationDatabase } from './db/orchestration-database';
import { DefinitionsService } from './definitions/definitions.service';
import { OrchestrationGrpcController } from './grpc/orchestration.grpc-controller';
import { OrchestrationComponents } from './orchestration-components';
import { ORCHESTRATION_OPTIONS, type OrchestrationOptions } from './orchestration-options';
import { OrchestrationReadiness } from './orchestration.readiness';
import { RunEngineLifecycle } from './run-engine.lifecycle';
import { RunEngine } from './runs/run-engine';
import { RunsService } from './runs/runs.service';

const fromComponents = <T>(
  provide: abstract new (...args: never[]) => T,
  pick: (c: OrchestrationComponents) => T,
): Provider => ({
  provide,
  inject: [OrchestrationComponents],
  useFactory: pick,
});

/**
 * Orchestration: admin-registered pipeline definitions (immutable versions), runs triggered
 * over gRPC with durable state in PostgreSQL, driven by `nextActions` from @flywheel/pipelines
 * and resumed after a restart; step executors (process, built-in, kubernetes), the canary
 * controller and triggers (commands, registry events, schedules). Needs the platform tokens
 * PG_POOL and AUDIT_LOG, EVENT_BUS with `events`, CLICKHOUSE and ARTIFACT_STORE with `ml`.
 */
@Module({})
export class OrchestrationModule {
  static forRoot(options: OrchestrationOptions): DynamicModule {
    return {
      module: OrchestrationModule,
      controllers: [OrchestrationGrpcController],
      providers: [
        { provide: ORCHESTRATION_OPTIONS, useValue: options },
        {
          provide: OrchestrationDatabase,
          inject: [PG_POOL],
          useFactory: async (pool: PgPool) => {
            await migrateOrchestrationSchema(pool, options.schema);
            return new OrchestrationDatabase(pool, options.schema);
          },
        },
        {
          provide: OrchestrationComponents,
          // AUDIT_LOG is the platform's AuditLogRepository (identity schema, migrated on first use).
          // The bus, ClickHouse and the artifact store are opened only when configured for.
          inject: [
            OrchestrationDatabase,
            AUDIT_LOG,
            ...(options.events ? [EVENT_BUS] : []),
            ...(options.ml ? [CLICKHOUSE, ARTIFACT_STORE] : []),
          ],
          useFactory: (database: OrchestrationDatabase, audit: AuditTrail, ...rest: unknown[]) => {
            const [bus, clickhouse, store] = options.events ? rest : [undefined, ...rest];
            return new OrchestrationComponents(database, audit, options, {
              bus: bus as EventBus | undefined,
              clickhouse: clickhouse as ClickHouseClient | undefined,
              store: store as ArtifactStore | undefined,
            });
          },
        },
        fromComponents(DefinitionsService, (c) => c.definitions),
        fromComponents(RunsService, (c) => c.runs),
        fromComponents(RunEngine, (c) => c.engine),
        RunEngineLifecycle,
        { provide: ReadinessProbe, useClass: OrchestrationReadiness },
      ],
    };
  }
}

import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ARTIFACT_STORE, AUDIT_LOG, PG_POOL } from '@flywheel/platform';
import type { PgPool } from '@flywheel/postgres';
import { ReadinessProbe } from '@flywheel/service-kit';
import type { ArtifactStore } from '@flywheel/storage';
import { AliasesService } from './aliases/aliases.service';
import { AuditModule } from './audit/audit.module';
import { ManagedCopyService } from './copies/managed-copy.service';
import { migrateRegistrySchema } from './db/migrate-registry-schema';
import { RegistryDatabase } from './db/registry-database';
import { RegistryGrpcController } from './grpc/registry.grpc-controller';
import { MlflowHttpSetup } from './mlflow-rest/mlflow-http-setup';
import { MlflowModelVersionsController } from './mlflow-rest/mlflow-model-versions.controller';
import { MlflowRegisteredModelsController } from './mlflow-rest/mlflow-registered-models.controller';
import { ModelsService } from './models/models.service';
import type { AuditTrail } from './mutations/audit-trail';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { ProfilesService } from './profiles/profiles.service';
import { PromotionsService } from './promotions/promotions.service';
import { RegistryComponents } from './registry-components';
import { REGISTRY_OPTIONS, type RegistryOptions } from './registry-options';
import { RegistryReadiness } from './registry.readiness';
import { HttpTrackingLookup } from './sources/tracking-client';
import { VersionsService } from './versions/versions.service';

const fromComponents = <T>(provide: abstract new (...args: never[]) => T, pick: (c: RegistryComponents) => T): Provider => ({
  provide,
  inject: [RegistryComponents],
  useFactory: pick,
});

/**
 * Registry: registered models, auto-incremented versions, aliases (champion, challenger), tags,
 * lineage (run, dataset digest, code version), the reference data profile used for drift, and
 * the audit log. Every change is published to `flywheel.registry.events.v1` through a
 * transactional outbox. Serves gRPC and the MLflow model-registry REST API. Needs the platform
 * tokens PG_POOL, EVENT_BUS, ARTIFACT_STORE and AUDIT_LOG, and `PlatformResources` (readiness).
 * `options.auditSchema` must be the platform's identity schema: the audit API reads from it.
 */
@Module({})
export class RegistryModule {
  static forRoot(options: RegistryOptions): DynamicModule {
    return {
      module: RegistryModule,
      imports: [AuditModule.forRoot({ schema: options.auditSchema })],
      controllers: [RegistryGrpcController, MlflowRegisteredModelsController, MlflowModelVersionsController],
      providers: [
        { provide: REGISTRY_OPTIONS, useValue: options },
        {
          provide: RegistryDatabase,
          inject: [PG_POOL],
          useFactory: async (pool: PgPool) => {
            await migrateRegistrySchema(pool, options.schema);
            return new RegistryDatabase(pool, options.schema);
          },
        },
        {
          provide: RegistryComponents,
          // AUDIT_LOG is the platform's AuditLogRepository (identity schema, migrated on first use).
          inject: [RegistryDatabase, AUDIT_LOG, ARTIFACT_STORE],
          useFactory: (database: RegistryDatabase, audit: AuditTrail, store: ArtifactStore) =>
            new RegistryComponents(database, audit, store, new HttpTrackingLookup(options.trackingUrl)),
        },
        fromComponents(ModelsService, (c) => c.models),
        fromComponents(VersionsService, (c) => c.versions),
        fromComponents(AliasesService, (c) => c.aliases),
        fromComponents(ProfilesService, (c) => c.profiles),
        fromComponents(PromotionsService, (c) => c.promotions),
        fromComponents(OutboxRepository, (c) => c.outbox),
        OutboxRelayService,
        ManagedCopyService,
        MlflowHttpSetup,
        { provide: ReadinessProbe, useClass: RegistryReadiness },
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { RegistryReadiness } from './registry.readiness';

/**
 * Registry: registered models, auto-incremented versions, aliases (champion, challenger), tags,
 * lineage (run, dataset hash, code version), the reference data profile used for drift, and an
 * audit log. Every change is published to `flywheel.registry.events.v1` through a
 * transactional outbox. Serves gRPC and the MLflow model-registry REST API.
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: RegistryReadiness }],
})
export class RegistryModule {}

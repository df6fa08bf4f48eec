import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { OrchestrationReadiness } from './orchestration.readiness';

/**
 * Orchestration: pipelines as DAGs (validate data, train, evaluate, register, canary, enroll
 * monitoring) with retries, timeouts, conditions and durable state that survives restarts;
 * triggered by events (`flywheel.orchestration.commands.v1`), schedules and gRPC; quality gates
 * from versioned config; the canary controller that shifts traffic step by step and rolls back
 * automatically, announcing each step on `flywheel.deployment.events.v1`.
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: OrchestrationReadiness }],
})
export class OrchestrationModule {}

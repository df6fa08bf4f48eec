import { Injectable } from '@nestjs/common';
import { ReadinessProbe, type DependencyStatus } from '@flywheel/service-kit';

/**
 * What the orchestration service needs before it serves. The skeleton has no dependencies yet,
 * so it is ready once its ports listen; PostgreSQL and Kafka checks join here as their adapters
 * are wired in.
 */
@Injectable()
export class OrchestrationReadiness extends ReadinessProbe {
  check(): Promise<DependencyStatus[]> {
    return Promise.resolve([]);
  }
}

import { Injectable } from '@nestjs/common';
import { ReadinessProbe, type DependencyStatus } from '@flywheel/service-kit';

/**
 * What the ingestion service needs before it serves. The skeleton has no dependencies yet, so
 * it is ready once its ports listen; Kafka consumers and ClickHouse checks join here as their
 * adapters are wired in.
 */
@Injectable()
export class IngestionReadiness extends ReadinessProbe {
  check(): Promise<DependencyStatus[]> {
    return Promise.resolve([]);
  }
}

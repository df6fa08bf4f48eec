import { Injectable } from '@nestjs/common';
import { ReadinessProbe, type DependencyStatus } from '@flywheel/service-kit';

/**
 * What the serving-gateway service needs before it serves. The skeleton has no dependencies
 * yet, so it is ready once its ports listen; loaded models and Kafka checks join here as their
 * adapters are wired in.
 */
@Injectable()
export class ServingGatewayReadiness extends ReadinessProbe {
  check(): Promise<DependencyStatus[]> {
    return Promise.resolve([]);
  }
}

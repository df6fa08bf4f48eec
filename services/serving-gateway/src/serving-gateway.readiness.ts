import { Inject, Injectable } from '@nestjs/common';
import { ReadinessProbe, type DependencyStatus } from '@flywheel/service-kit';
import { ServingRuntime } from './serving-runtime';

/** Ready once deployment events have been replayed (the traffic table is current). */
@Injectable()
export class ServingGatewayReadiness extends ReadinessProbe {
  constructor(@Inject(ServingRuntime) private readonly runtime: ServingRuntime) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    const ready = this.runtime.status.serverReady();
    return Promise.resolve([{ name: 'deployment-events', ready, ...(!ready && { detail: 'replaying deployment events' }) }]);
  }
}

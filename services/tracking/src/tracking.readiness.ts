import { Injectable } from '@nestjs/common';
import { PlatformResources, type ResourceName } from '@flywheel/platform';
import { ReadinessProbe, checkDependency, type DependencyStatus } from '@flywheel/service-kit';

/** The resources the tracking service serves from. */
const NEEDED: readonly ResourceName[] = ['postgres', 'artifact-store', 'event-bus'];

/**
 * Ready when PostgreSQL, the artifact store and the event bus answer. They are opened at
 * start-up (the module injects them), so each has a check by the time the kit asks.
 */
@Injectable()
export class TrackingReadiness extends ReadinessProbe {
  constructor(private readonly resources: PlatformResources) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    const checks = this.resources.dependencyChecks().filter(({ name }) => NEEDED.includes(name));
    return Promise.all(checks.map(({ name, check }) => checkDependency(name, check)));
  }
}

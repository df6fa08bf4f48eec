import { Injectable } from '@nestjs/common';
import { PlatformResources } from '@flywheel/platform';
import { ReadinessProbe, checkDependency, type DependencyStatus } from '@flywheel/service-kit';

/** The registry serves when PostgreSQL answers and the event bus (Kafka) is connected. */
@Injectable()
export class RegistryReadiness extends ReadinessProbe {
  constructor(private readonly resources: PlatformResources) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    const checks = this.resources.dependencyChecks().filter(({ name }) => name === 'postgres' || name === 'event-bus');
    return Promise.all(checks.map(({ name, check }) => checkDependency(name, check)));
  }
}

import { Injectable } from '@nestjs/common';
import { PlatformResources } from '@flywheel/platform';
import { ReadinessProbe, checkDependency, type DependencyStatus } from '@flywheel/service-kit';

/** The orchestration service serves when PostgreSQL, where its definitions and runs live, answers. */
@Injectable()
export class OrchestrationReadiness extends ReadinessProbe {
  constructor(private readonly resources: PlatformResources) {
    super();
  }

  check(): Promise<DependencyStatus[]> {
    const checks = this.resources.dependencyChecks().filter(({ name }) => name === 'postgres');
    return Promise.all(checks.map(({ name, check }) => checkDependency(name, check)));
  }
}

import { BehaviorSubject, type Observable } from 'rxjs';
import type { ServiceName } from '@flywheel/config';
import type { DependencyStatus, ReadinessProbe } from './readiness-probe';

/** starting: modules initialising; serving: accepting calls; draining: shutting down. */
export type ServicePhase = 'starting' | 'serving' | 'draining';

export interface ServiceReadiness {
  service: ServiceName;
  phase: ServicePhase;
  ready: boolean;
  dependencies: DependencyStatus[];
}

/**
 * The health of one service in this process, shared by its gRPC health service and the
 * admin server's `/readyz`. Ready means serving and every dependency of its probe ready.
 */
export class ServiceHealth {
  private readonly phases = new BehaviorSubject<ServicePhase>('starting');
  private readonly grpcServices = new Set<string>();
  private probe: ReadinessProbe | undefined;

  constructor(readonly service: ServiceName) {}

  get phase(): ServicePhase {
    return this.phases.value;
  }

  /** Emits the current phase, then each change. */
  phaseChanges(): Observable<ServicePhase> {
    return this.phases.asObservable();
  }

  /** Fully-qualified gRPC services served on this service's port, known to health checks. */
  addGrpcServices(names: Iterable<string>): void {
    for (const name of names) this.grpcServices.add(name);
  }

  /** True for "" (the whole server), the service's own name and its gRPC services. */
  knows(name: string): boolean {
    return name === '' || name === this.service || this.grpcServices.has(name);
  }

  markServing(probe: ReadinessProbe): void {
    this.probe = probe;
    if (this.phase === 'starting') this.phases.next('serving');
  }

  markDraining(): void {
    if (this.phase !== 'draining') this.phases.next('draining');
  }

  async readiness(): Promise<ServiceReadiness> {
    const dependencies = this.phase === 'serving' && this.probe ? await this.probe.check() : [];
    // Read after the probe: a drain may have begun while it ran.
    const phase = this.phase;
    const ready = phase === 'serving' && dependencies.every((dependency) => dependency.ready);
    return { service: this.service, phase, ready, dependencies };
  }
}

import { Controller, Inject } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  defer,
  distinctUntilChanged,
  interval,
  map,
  merge,
  type Observable,
  switchMap,
  takeWhile,
} from 'rxjs';
import {
  HealthControllerMethods,
  ServingStatus,
  type HealthCheckRequest,
  type HealthCheckResponse,
  type HealthController,
} from '@flywheel/contracts';
import { ServiceHealth } from './service-health';

/** Watch re-evaluates dependencies this often, so a database outage reaches watchers. */
export const WATCH_POLL_INTERVAL_MS = 5_000;

/**
 * The standard gRPC health service (grpc.health.v1.Health) on every gRPC port. Known names:
 * "" (the server), the Flywheel service name and each gRPC service of the port. Check fails
 * with NOT_FOUND for other names; Watch streams SERVICE_UNKNOWN for them. Watch streams end
 * once the service starts draining (after sending NOT_SERVING) so shutdown is not held open.
 */
@Controller()
@HealthControllerMethods()
export class GrpcHealthController implements HealthController {
  constructor(@Inject(ServiceHealth) private readonly health: ServiceHealth) {}

  async check(request: HealthCheckRequest): Promise<HealthCheckResponse> {
    if (!this.health.knows(request.service)) {
      throw new RpcException({ code: GrpcStatus.NOT_FOUND, message: `unknown service "${request.service}"` });
    }
    return { status: await this.currentStatus() };
  }

  watch(request: HealthCheckRequest): Observable<HealthCheckResponse> {
    const known = this.health.knows(request.service);
    return merge(this.health.phaseChanges(), interval(WATCH_POLL_INTERVAL_MS)).pipe(
      switchMap(() =>
        defer(() => (known ? this.currentStatus() : Promise.resolve(ServingStatus.SERVICE_UNKNOWN))),
      ),
      takeWhile(() => this.health.phase !== 'draining', true),
      distinctUntilChanged(),
      map((status) => ({ status })),
    );
  }

  private async currentStatus(): Promise<ServingStatus> {
    const readiness = await this.health.readiness();
    return readiness.ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }
}

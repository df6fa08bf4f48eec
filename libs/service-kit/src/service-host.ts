import { type RoutePolicyTable, routesMissingFromTable } from '@flywheel/access';
import type { RequestLimitsConfig, ServiceName } from '@flywheel/config';
import { createLogger } from '@flywheel/telemetry';
import { startAdminServer, type AdminServer } from './admin-server';
import type { CredentialAuthenticator } from './auth-tokens';
import { finishesBefore } from './deadline';
import { routeGrpcLogs } from './grpc-logging';
import { startServiceApp, type RunningService } from './service-app';
import { appSettings } from './service-app-settings';
import type { ServedAddress } from './served-address';
import type { ServiceDefinition } from './service-definition';
import { ServiceHealth } from './service-health';
import type { ServerTls } from './tls-credentials';

export interface ServiceHostOptions {
  /** Address every listener binds. */
  host: string;
  /** Port of the admin server (0 picks a free one). */
  adminPort: number;
  renderMetrics: () => Promise<string>;
  /** How long `stop` waits for in-flight work before cutting connections. */
  shutdownTimeoutMs: number;
  /**
   * Authentication for every service of the process. `enabled` requires an `authenticator`
   * (bearer token → principal); off, every declared route runs as the auth-disabled admin.
   */
  auth: { enabled: boolean; authenticator?: CredentialAuthenticator };
  /** TLS (mutual with a client CA) for every gRPC and HTTP port; the admin port stays plain. */
  tls?: ServerTls;
  /** Body and message size, rate of mutating calls per principal, handler deadline, page size. */
  limits: RequestLimitsConfig;
}

/** A service's route table as enforced and the routes it actually serves. */
export interface ServiceRoutes {
  service: ServiceName;
  table: RoutePolicyTable;
  served: readonly string[];
}

/** drained: everything finished in time; forced: the deadline passed or a close failed. */
export type ShutdownOutcome = 'drained' | 'forced';

// Closing Nest apps (adapters' onModuleDestroy) gets at least this long, even after a slow drain.
const MIN_CLOSE_MS = 1_000;

/**
 * Runs a set of services in this process: one Nest app each, plus the admin server, which
 * starts first so probes get answers (not ready) while services boot.
 */
export class ServiceHost {
  private readonly logger = createLogger('service-host');
  private readonly services: RunningService[] = [];
  private stopping: Promise<ShutdownOutcome> | undefined;

  private constructor(
    private readonly options: ServiceHostOptions,
    private readonly health: ServiceHealth[],
    private readonly admin: AdminServer,
  ) {}

  /**
   * Starts the admin server and every service, in order.
   * @throws Error naming the service that failed, after stopping those already started.
   */
  static async start(
    definitions: readonly ServiceDefinition[],
    options: ServiceHostOptions,
  ): Promise<ServiceHost> {
    if (options.auth.enabled && !options.auth.authenticator) {
      throw new Error('authentication is enabled but no authenticator was given to ServiceHost');
    }
    routeGrpcLogs();
    const settings = appSettings(options);
    const planned = definitions.map((definition) => ({
      definition,
      health: new ServiceHealth(definition.name),
    }));
    const health = planned.map((service) => service.health);
    const admin = await startAdminServer({
      host: options.host,
      port: options.adminPort,
      services: health,
      renderMetrics: options.renderMetrics,
    }).catch((error: unknown) => {
      throw new Error(`admin: cannot serve HTTP on ${options.host}:${options.adminPort}: ${String(error)}`, {
        cause: error,
      });
    });
    const host = new ServiceHost(options, health, admin);
    try {
      for (const service of planned) {
        host.services.push(await startServiceApp(service.definition, service.health, settings));
      }
    } catch (error) {
      await host.stop();
      throw error;
    }
    host.warnAboutUndeclaredRoutes();
    return host;
  }

  /** Every listener of the process, services first, the admin server last. */
  get addresses(): ServedAddress[] {
    const admin: ServedAddress = {
      owner: 'admin',
      protocol: 'http',
      address: this.admin.url,
      serves: '/healthz /readyz /metrics',
    };
    return [...this.services.flatMap((service) => service.addresses), admin];
  }

  /** Each service's enforced route table and served routes (for the route matrix test and tooling). */
  get routes(): ServiceRoutes[] {
    return this.services.map((service) => ({
      service: service.name,
      table: service.table,
      served: service.servedRoutes,
    }));
  }

  /**
   * Graceful shutdown: reports NOT_SERVING and not ready, stops accepting, waits for in-flight
   * calls and requests until the deadline (then cuts them), closes each Nest app, and finally
   * the admin server. Safe to call more than once.
   */
  stop(): Promise<ShutdownOutcome> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<ShutdownOutcome> {
    const deadline = Date.now() + this.options.shutdownTimeoutMs;
    for (const health of this.health) health.markDraining();

    const drained = await finishesBefore(
      deadline,
      Promise.all(this.services.map((service) => this.drain(service))),
    );
    if (!drained) {
      this.logger.warn(
        { timeoutMs: this.options.shutdownTimeoutMs },
        'in-flight work outlived the shutdown deadline; cutting connections',
      );
      for (const service of this.services) service.forceClose();
    }
    const closeResults = Promise.all(this.services.map((service) => this.close(service)));
    const closed = await finishesBefore(Math.max(deadline, Date.now() + MIN_CLOSE_MS), closeResults);
    await this.admin.close();
    return drained && closed && (await closeResults).every(Boolean) ? 'drained' : 'forced';
  }

  // Undeclared routes are refused at run time anyway; saying so at start saves a debugging session.
  private warnAboutUndeclaredRoutes(): void {
    for (const { service, table, served } of this.routes) {
      const missing = routesMissingFromTable(table, served);
      if (missing.length > 0) {
        this.logger.error({ service, missing }, 'routes missing from the access policy table are refused');
      }
    }
  }

  private async drain(service: RunningService): Promise<void> {
    await service
      .drain()
      .catch((error: unknown) => this.logger.error({ err: error, service: service.name }, 'drain failed'));
  }

  private async close(service: RunningService): Promise<boolean> {
    try {
      await service.close();
      return true;
    } catch (error) {
      this.logger.error({ err: error, service: service.name }, 'closing the service failed');
      return false;
    }
  }
}

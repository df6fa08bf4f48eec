import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from '@grpc/grpc-js';
import type { RoutePolicyTable } from '@flywheel/access';
import type { ServiceName } from '@flywheel/config';
import { createLogger, NestLoggerAdapter } from '@flywheel/telemetry';
import { grpcServerPlan, type GrpcTransportSettings } from './grpc-server-options';
import type { HttpTransportSettings } from './http-server-setup';
import { effectiveRouteTable } from './kit-routes';
import { serveDirectly } from './direct-grpc-methods';
import { createNestApp } from './nest-app-shapes';
import { ReadinessProbe } from './readiness-probe';
import type { ServedAddress } from './served-address';
import type { ServiceDefinition } from './service-definition';
import type { ServiceHealth } from './service-health';
import { ServiceRootModule, type ProcessAccess } from './service-root.module';

/** What every service app of a process shares: access control, limits and transport security. */
export interface ServiceAppSettings {
  host: string;
  access: ProcessAccess;
  grpc: GrpcTransportSettings;
  http: HttpTransportSettings;
}

/** A service whose Nest app is up and serving its ports. */
export interface RunningService {
  readonly name: ServiceName;
  readonly addresses: readonly ServedAddress[];
  /** The route table the guard enforces: the service's own plus the kit's entries. */
  readonly table: RoutePolicyTable;
  /** Route id of every gRPC method and HTTP route the service serves. */
  readonly servedRoutes: readonly string[];
  /** Stops accepting calls and requests and waits for those in flight. */
  drain(): Promise<void>;
  /** Cuts the connections a drain left open (after the shutdown deadline). */
  forceClose(): void;
  /** Closes the Nest app, running the providers' onModuleDestroy and shutdown hooks. */
  close(): Promise<void>;
}

/**
 * Creates and starts one service's Nest app, then marks the service serving.
 * @throws Error naming the service and what failed (e.g. the address it could not bind).
 */
export async function startServiceApp(
  definition: ServiceDefinition,
  health: ServiceHealth,
  settings: ServiceAppSettings,
): Promise<RunningService> {
  const { host } = settings;
  let grpcServer: Server | undefined;
  const grpc =
    definition.grpc &&
    grpcServerPlan(definition.grpc, host, settings.grpc, (server) => (grpcServer = server));
  if (grpc) health.addGrpcServices(grpc.serviceNames);

  let app: INestApplicationContext | undefined;
  try {
    const shape = await createNestApp({
      definition,
      root: ServiceRootModule.for(definition, health, settings.access),
      grpc,
      grpcServer: () => grpcServer,
      host,
      http: settings.http,
      logger: new NestLoggerAdapter(createLogger(definition.name)),
    });
    app = shape.app;
    const probe = readinessProbeOf(shape.app);
    const addresses = await shape.listen();
    const direct = definition.grpc?.direct;
    if (grpc && direct) {
      if (!grpcServer) throw new Error('its gRPC server was not created');
      serveDirectly(grpcServer, grpc.packageDefinition, direct(shape.app), shape.app);
    }
    health.markServing(probe);
    return {
      name: definition.name,
      addresses,
      table: effectiveRouteTable(definition.routes, definition.grpc !== undefined),
      servedRoutes: shape.routeIds(),
      drain: shape.drain,
      forceClose: shape.forceClose,
      close: () => shape.app.close(),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${definition.name}: ${reason}`, { cause: error });
  }
}

function readinessProbeOf(app: INestApplicationContext): ReadinessProbe {
  try {
    return app.get(ReadinessProbe, { strict: false });
  } catch {
    throw new Error('its module provides no ReadinessProbe (add { provide: ReadinessProbe, useClass: ... })');
  }
}

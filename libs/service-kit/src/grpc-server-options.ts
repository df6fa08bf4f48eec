import type { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { grpcRouteId } from '@flywheel/access';
import { GRPC_HEALTH_V1_PACKAGE_NAME, HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS } from '@flywheel/contracts';
import { REFLECTION_ROUTE_IDS } from './kit-routes';
import { hostPort } from './served-address';
import type { ServiceDefinition } from './service-definition';

export interface GrpcServerPlan {
  options: GrpcOptions;
  /** Every package the port serves, as loaded (direct methods take their codecs from it). */
  packageDefinition: PackageDefinition;
  /** host:port the server binds. */
  address: string;
  /** Fully-qualified names of the gRPC services the port serves (health included). */
  serviceNames: string[];
  /** Route id of every method the port serves: its services' methods, health and reflection. */
  routeIds: string[];
}

/** How the port listens: TLS credentials (plaintext when omitted) and the largest message received. */
export interface GrpcTransportSettings {
  credentials?: ServerCredentials;
  maxReceiveMessageLength: number;
}

/**
 * Nest gRPC options for a service's port: its own packages plus grpc.health.v1, loaded with
 * the contracts' loader options, server reflection over all of them, and graceful shutdown.
 * Messages above `maxReceiveMessageLength` are refused by grpc-js with RESOURCE_EXHAUSTED.
 * `onServer` receives the grpc-js server once created (to cut connections after a deadline).
 */
export function grpcServerPlan(
  grpc: NonNullable<ServiceDefinition['grpc']>,
  host: string,
  transport: GrpcTransportSettings,
  onServer: (server: Server) => void,
): GrpcServerPlan {
  const packages = [GRPC_HEALTH_V1_PACKAGE_NAME, ...grpc.packages];
  const packageDefinition = loadSync([HEALTH_PROTO_FILE, ...grpc.protoFiles], { ...PROTO_LOADER_OPTIONS });
  const address = hostPort(host, grpc.port);
  const serviceNames = serviceNamesIn(packageDefinition, packages);
  return {
    packageDefinition,
    address,
    serviceNames,
    routeIds: [...methodRouteIds(packageDefinition, serviceNames), ...REFLECTION_ROUTE_IDS],
    options: {
      transport: Transport.GRPC,
      options: {
        url: address,
        package: packages,
        packageDefinition,
        gracefulShutdown: true,
        maxReceiveMessageLength: transport.maxReceiveMessageLength,
        // Channelz keeps per-call counters and timestamps that only a channelz service (none is
        // served) would read; without it grpc-js takes its plain per-call path.
        channelOptions: { 'grpc.enable_channelz': 0 },
        ...(transport.credentials && { credentials: transport.credentials }),
        onLoadPackageDefinition: (definition: PackageDefinition, server: Server) => {
          new ReflectionService(definition).addToServer(server);
          onServer(server);
        },
      },
    },
  };
}

// proto-loader keys every message, enum and service by full name; only services lack `format`.
function serviceNamesIn(definition: PackageDefinition, packages: string[]): string[] {
  return Object.entries(definition)
    .filter(([name, value]) => !('format' in value) && packages.some((pkg) => name.startsWith(`${pkg}.`)))
    .map(([name]) => name);
}

function methodRouteIds(definition: PackageDefinition, serviceNames: string[]): string[] {
  return serviceNames.flatMap((name) =>
    Object.values(definition[name] as Record<string, MethodDefinition<unknown, unknown>>).map((method) =>
      grpcRouteId(method.path),
    ),
  );
}

import type { Server } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { GRPC_HEALTH_V1_PACKAGE_NAME, HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS } from '@flywheel/contracts';
import { hostPort } from './served-address';
import type { ServiceDefinition } from './service-definition';

export interface GrpcServerPlan {
  options: GrpcOptions;
  /** host:port the server binds. */
  address: string;
  /** Fully-qualified names of the gRPC services the port serves (health included). */
  serviceNames: string[];
}

/**
 * Nest gRPC options for a service's port: its own packages plus grpc.health.v1, loaded with
 * the contracts' loader options, server reflection over all of them, and graceful shutdown.
 * `onServer` receives the grpc-js server once created (to cut connections after a deadline).
 */
export function grpcServerPlan(
  grpc: NonNullable<ServiceDefinition['grpc']>,
  host: string,
  onServer: (server: Server) => void,
): GrpcServerPlan {
  const packages = [GRPC_HEALTH_V1_PACKAGE_NAME, ...grpc.packages];
  const packageDefinition = loadSync([HEALTH_PROTO_FILE, ...grpc.protoFiles], { ...PROTO_LOADER_OPTIONS });
  const address = hostPort(host, grpc.port);
  return {
    address,
    serviceNames: serviceNamesIn(packageDefinition, packages),
    options: {
      transport: Transport.GRPC,
      options: {
        url: address,
        package: packages,
        packageDefinition,
        gracefulShutdown: true,
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

import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import type { RoutePolicyTable } from '@flywheel/access';
import type { ServiceName } from '@flywheel/config';
import type { DirectUnaryMethod } from './direct-grpc-methods';

/**
 * What a service contributes to a process: its Nest module (which must provide a
 * `ReadinessProbe`), its route policy table and the ports it serves. The kit adds gRPC health
 * and reflection to the gRPC port and wires access control, limits, logging, readiness and shutdown.
 */
export interface ServiceDefinition {
  name: ServiceName;
  module: Type<unknown>;
  /**
   * Who may call what: an entry for every gRPC method and HTTP route the service serves
   * (`grpc:/pkg.Service/Method`, `http:POST /pattern`). The kit adds its own (health,
   * reflection); a served route without an entry is refused, authentication on or off.
   */
  routes: RoutePolicyTable;
  /**
   * Modules the process adds to the service's app next to `module`, e.g. the global module
   * that provides the process's shared infrastructure clients.
   */
  imports?: (Type<unknown> | DynamicModule)[];
  grpc?: {
    port: number;
    /** Proto packages whose services this port serves, e.g. `flywheel.registry.v1`. */
    packages: string[];
    /** Their proto files, relative to the contracts' PROTO_ROOT. */
    protoFiles: string[];
    /**
     * Unary methods answered straight from grpc-js once the app serves (see `DirectUnaryMethod`),
     * built from the started app; their Nest handlers answer until then.
     */
    direct?: (app: INestApplicationContext) => DirectUnaryMethod[];
  };
  http?: { port: number };
}

import { type RoutePolicyTable, grpcRouteId } from '@flywheel/access';

// Server reflection as @grpc/reflection registers it on every gRPC port, in both versions.
const REFLECTION_METHODS = [
  '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
  '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo',
];
const HEALTH_METHODS = ['/grpc.health.v1.Health/Check', '/grpc.health.v1.Health/Watch'];

/** Route ids of the reflection service every gRPC port serves (outside Nest, so unguarded). */
export const REFLECTION_ROUTE_IDS: readonly string[] = REFLECTION_METHODS.map(grpcRouteId);

/**
 * Policy entries for what the kit itself serves on every gRPC port: health and reflection are
 * public, so probes and tooling work without credentials and while the key store is down.
 */
export const KIT_GRPC_ROUTES: RoutePolicyTable = Object.freeze(
  Object.fromEntries(
    [...HEALTH_METHODS, ...REFLECTION_METHODS].map((path) => [grpcRouteId(path), 'public' as const]),
  ),
);

/** A service's table plus the kit's entries (which a service cannot override) when it serves gRPC. */
export function effectiveRouteTable(routes: RoutePolicyTable, servesGrpc: boolean): RoutePolicyTable {
  return servesGrpc ? { ...routes, ...KIT_GRPC_ROUTES } : { ...routes };
}

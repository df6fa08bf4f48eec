export type { ServiceDefinition } from './service-definition';
export { ReadinessProbe, checkDependency, type DependencyStatus } from './readiness-probe';
export type { ServicePhase, ServiceReadiness } from './service-health';
export { ServiceHost, type ServiceHostOptions, type ShutdownOutcome } from './service-host';
export { exitOnShutdownSignals } from './shutdown-signals';
export type { ServedAddress } from './served-address';
export { checkGrpcHealth, healthClient, listGrpcServices, type HealthStub } from './grpc-probes';

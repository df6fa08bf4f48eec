export type { ServiceDefinition } from './service-definition';
export { ReadinessProbe, checkDependency, type DependencyStatus } from './readiness-probe';
export type { ServicePhase, ServiceReadiness } from './service-health';
export {
  ServiceHost,
  type ServiceHostOptions,
  type ServiceRoutes,
  type ShutdownOutcome,
} from './service-host';
export { exitOnShutdownSignals } from './shutdown-signals';
export type { ServedAddress } from './served-address';
export { checkGrpcHealth, healthClient, listGrpcServices, type HealthStub } from './grpc-probes';
export { AuthGuard } from './auth.guard';
export { AUTH_ENABLED, AUTHENTICATOR, ROUTE_POLICY, type CredentialAuthenticator } from './auth-tokens';
export { CurrentPrincipal, principalOf } from './auth-principal';
export { authGuardProviders, type AuthGuardSetup } from './auth-providers';
export { denialException, type AuthErrorCode } from './auth-denial';
export type { KitErrorBody, KitErrorCode } from './http-error';
export { KIT_GRPC_ROUTES } from './kit-routes';
export { RequestLimits } from './request-limits';
export { STREAMED_BODY } from './http-server-setup';
export { CallRateLimiter } from './call-rate-limiter';
export { serviceCallHeaders, serviceCallMetadata, serviceChannelCredentials } from './service-calls';
export type { ServerTls } from './tls-credentials';
export type { DirectUnaryMethod } from './direct-grpc-methods';
export { answerUnknownMlflowRoutes } from './unknown-mlflow-routes';

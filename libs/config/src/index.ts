export { loadConfig, type Environment } from './load-config';
export { ConfigError, type ConfigProblem } from './config-error';
export { flagToVariable, variableToFlag } from './flag-names';
export { reachableHost } from './reachable-host';
export {
  brokerListVariable,
  choiceVariable,
  hostVariable,
  integerVariable,
  portVariable,
  urlVariable,
} from './variables';
export {
  artifactRootVariable,
  clickHouseVariable,
  type ArtifactLocation,
  type ClickHouseLocation,
} from './locations';
export {
  loadPlatformConfig,
  describePlatformVariables,
  platformConfigSchema,
  type PlatformConfig,
  type PlatformPorts,
  type ServicePorts,
  type VariableDescription,
} from './platform-config';
export { LOG_LEVELS, SECRET_VARIABLES, platformVariablesSchema, type LogLevel } from './platform-variables';
export {
  DEFAULT_OIDC_ROLE_CLAIM,
  MIN_AUTH_PEPPER_LENGTH,
  type AuthConfig,
  type OidcConfig,
} from './security/auth-variables';
export type { TlsConfig } from './security/tls-variables';
export {
  KAFKA_SASL_MECHANISMS,
  type KafkaSaslMechanism,
  type KafkaSecurityConfig,
} from './security/kafka-security-variables';
export { readSecretFiles, secretFileVariable } from './security/secret-files';
export type { RequestLimitsConfig } from './limit-variables';
export { SERVICE_NAMES, isServiceName, type ServiceName } from './service-names';
export { redactSecrets, REDACTED } from './redact';

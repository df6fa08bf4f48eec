import { type PlatformConfig, reachableHost } from '@flywheel/config';
import { orchestrationV1, registryV1 } from '@flywheel/contracts';
import { serviceCallHeaders, serviceCallMetadata } from '@flywheel/service-kit';
import { UnaryClient } from './unary-client';

/** The platform's public endpoints as the demo reaches them, from the same configuration `flywheel start` reads. */
export interface DemoPlatform {
  registry: UnaryClient;
  orchestration: UnaryClient;
  gatewayUrl: string;
  adminUrl: string;
  /** Directory of the file artifact root, where the demo writes its first model. */
  artifactDir: string;
  artifactUri: string;
  httpHeaders: Record<string, string>;
  close(): void;
}

export function connectDemoPlatform(config: PlatformConfig): DemoPlatform {
  if (config.artifacts.kind !== 'file') {
    throw new Error(`flywheel demo writes its first model to a file:// artifact root; FLYWHEEL_ARTIFACT_ROOT is ${config.artifacts.uri}`);
  }
  const host = reachableHost(config.bindHost);
  const metadata = () => serviceCallMetadata(config.auth);
  const registry = new UnaryClient(registryV1.protobufFileName, 'flywheel.registry.v1.RegistryService', `${host}:${config.ports.registry.grpc}`, metadata);
  const orchestration = new UnaryClient(
    orchestrationV1.protobufFileName,
    'flywheel.orchestration.v1.OrchestrationService',
    `${host}:${config.ports.orchestration.grpc}`,
    metadata,
  );
  return {
    registry,
    orchestration,
    gatewayUrl: `http://${host}:${config.ports['serving-gateway'].http}`,
    adminUrl: `http://${host}:${config.adminPort}`,
    artifactDir: config.artifacts.dir,
    artifactUri: config.artifacts.uri,
    httpHeaders: serviceCallHeaders(config.auth),
    close: () => {
      registry.close();
      orchestration.close();
    },
  };
}

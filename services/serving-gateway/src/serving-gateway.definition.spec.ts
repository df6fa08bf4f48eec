import { loadPlatformConfig } from '@flywheel/config';
import { servingGatewayService } from './serving-gateway.definition';
import { servingOptionsFromEnv } from './serving-options';

describe('servingGatewayService', () => {
  const config = loadPlatformConfig({ FLYWHEEL_SERVING_GRPC_PORT: '6001', FLYWHEEL_SERVING_HTTP_PORT: '6002' });

  it('serves the Open Inference Protocol package on the configured gRPC and HTTP ports', () => {
    expect(servingGatewayService(config, undefined, servingOptionsFromEnv({}, 50052))).toMatchObject({
      name: 'serving-gateway',
      grpc: { port: 6001, packages: ['inference'], protoFiles: ['inference/grpc_service.proto'] },
      http: { port: 6002 },
    });
  });

  it('requires inference.predict for inference and leaves the health calls public', () => {
    const { routes } = servingGatewayService(config, undefined, servingOptionsFromEnv({}, 50052));
    expect(routes['grpc:/inference.GRPCInferenceService/ModelInfer']).toBe('inference.predict');
    expect(routes['grpc:/inference.GRPCInferenceService/ServerLive']).toBe('public');
    expect(routes['http:POST /v2/models/:model/infer']).toBe('inference.predict');
    expect(routes['http:GET /v2/health/ready']).toBe('public');
  });
});

describe('servingOptionsFromEnv', () => {
  it('defaults to a 4 MiB message limit, logging on and the registry on loopback', () => {
    expect(servingOptionsFromEnv({}, 50052)).toMatchObject({ maxMessageBytes: 4 * 1024 * 1024, logging: true, registryAddress: '127.0.0.1:50052', deploymentTopic: 'flywheel.deployment.events.v1' });
  });

  it('batches up to 64 rows by default; 1 turns batching off; 0 is refused', () => {
    expect(servingOptionsFromEnv({}, 1).maxBatchRows).toBe(64);
    expect(servingOptionsFromEnv({ FLYWHEEL_SERVING_MAX_BATCH_ROWS: '1' }, 1).maxBatchRows).toBe(1);
    expect(() => servingOptionsFromEnv({ FLYWHEEL_SERVING_MAX_BATCH_ROWS: '0' }, 1)).toThrow(/FLYWHEEL_SERVING_MAX_BATCH_ROWS/);
  });

  it('lists every invalid variable', () => {
    expect(() => servingOptionsFromEnv({ FLYWHEEL_SERVING_MAX_CONCURRENCY: '0', FLYWHEEL_SERVING_LOGGING: 'maybe' }, 1)).toThrow(/FLYWHEEL_SERVING_MAX_CONCURRENCY.*FLYWHEEL_SERVING_LOGGING/);
  });
});

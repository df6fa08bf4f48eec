import { loadPlatformConfig } from '@flywheel/config';
import { orchestrationService } from './orchestration.definition';
import { ORCHESTRATION_ROUTES } from './orchestration.routes';

describe('orchestrationService', () => {
  const definition = orchestrationService(loadPlatformConfig({ FLYWHEEL_ORCHESTRATION_GRPC_PORT: '6001' }));

  it('serves OrchestrationService on the configured gRPC port, no HTTP, with its route table', () => {
    expect(definition).toMatchObject({
      name: 'orchestration',
      grpc: {
        port: 6001,
        packages: ['flywheel.orchestration.v1'],
        protoFiles: ['flywheel/orchestration/v1/orchestration_service.proto'],
      },
      routes: ORCHESTRATION_ROUTES,
    });
    expect(definition.http).toBeUndefined();
  });

  it('lets only admins define pipelines, scientists start and cancel runs, and viewers read them', () => {
    const service = '/flywheel.orchestration.v1.OrchestrationService';
    expect(ORCHESTRATION_ROUTES).toEqual({
      [`grpc:${service}/RegisterPipeline`]: 'pipelines.define',
      [`grpc:${service}/GetPipeline`]: 'pipelines.read',
      [`grpc:${service}/ListPipelines`]: 'pipelines.read',
      [`grpc:${service}/TriggerPipeline`]: 'pipelines.trigger',
      [`grpc:${service}/GetRun`]: 'pipelines.read',
      [`grpc:${service}/StartRun`]: 'pipelines.trigger',
      [`grpc:${service}/CancelRun`]: 'pipelines.trigger',
      [`grpc:${service}/ListRuns`]: 'pipelines.read',
    });
  });
});

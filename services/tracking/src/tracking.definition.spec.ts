import { assertValidRouteTable } from '@flywheel/access';
import { ConfigError, loadPlatformConfig } from '@flywheel/config';
import { trackingService } from './tracking.definition';

describe('trackingService', () => {
  const config = loadPlatformConfig({
    FLYWHEEL_TRACKING_GRPC_PORT: '6001',
    FLYWHEEL_TRACKING_HTTP_PORT: '6002',
  });

  it('serves the tracking gRPC API and the MLflow REST API on the configured ports', () => {
    expect(trackingService(config, undefined, {})).toMatchObject({
      name: 'tracking',
      grpc: {
        port: 6001,
        packages: ['flywheel.tracking.v1'],
        protoFiles: ['flywheel/tracking/v1/tracking_service.proto'],
      },
      http: { port: 6002 },
    });
  });

  it('declares a valid policy for its gRPC methods, MLflow routes and forwarded registry routes', () => {
    const { routes } = trackingService(config, undefined, {});
    expect(() => assertValidRouteTable(routes)).not.toThrow();
    expect(routes).toMatchObject({
      'grpc:/flywheel.tracking.v1.TrackingService/CreateRun': 'runs.write',
      'grpc:/flywheel.tracking.v1.TrackingService/DownloadArtifact': 'artifacts.read',
      'http:POST /api/2.0/mlflow/runs/log-batch': 'runs.write',
      'http:GET /api/2.0/mlflow/experiments/get-by-name': 'experiments.read',
      'http:PUT /api/2.0/mlflow-artifacts/artifacts/*': 'artifacts.write',
      'http:PATCH /api/2.0/preview/mlflow/model-versions/*': 'forwarded',
    });
  });

  it('fails fast on a bad tracking variable', () => {
    expect(() => trackingService(config, undefined, { FLYWHEEL_TRACKING_SCHEMA: '1bad' })).toThrow(
      ConfigError,
    );
  });
});

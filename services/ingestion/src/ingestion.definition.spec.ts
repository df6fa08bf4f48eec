import { loadPlatformConfig } from '@flywheel/config';
import { ingestionService } from './ingestion.definition';

describe('ingestionService', () => {
  const definition = ingestionService(loadPlatformConfig({ FLYWHEEL_INGESTION_GRPC_PORT: '6001' }));

  it('serves gRPC (health and reflection) on the configured port and no HTTP', () => {
    expect(definition).toMatchObject({ name: 'ingestion', grpc: { port: 6001, packages: [] }, routes: {} });
    expect(definition.http).toBeUndefined();
  });

  it('configures its module from the FLYWHEEL_INGESTION_* variables', () => {
    expect(definition.imports).toHaveLength(1);
  });
});

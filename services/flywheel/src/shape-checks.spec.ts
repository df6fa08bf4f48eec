import { loadPlatformConfig, SERVICE_NAMES } from '@flywheel/config';
import { shapeProblems } from './shape-checks';

const all = [...SERVICE_NAMES];

describe('shapeProblems', () => {
  it('accepts the default standalone shape', () => {
    expect(shapeProblems(all, loadPlatformConfig({}))).toEqual([]);
  });

  it('refuses a non-loopback bind host without authentication in any shape, saying why', () => {
    for (const targets of [all, ['tracking'] as const]) {
      const [problem] = shapeProblems(targets, loadPlatformConfig({ FLYWHEEL_BIND_HOST: '0.0.0.0' }));
      expect(problem).toMatch(
        /FLYWHEEL_BIND_HOST=0\.0\.0\.0 is not a loopback address and FLYWHEEL_AUTH is off/,
      );
    }
  });

  it('allows a non-loopback bind host with authentication on', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_BIND_HOST: '0.0.0.0',
      FLYWHEEL_AUTH: 'on',
      FLYWHEEL_AUTH_PEPPER: 'shape-checks-pepper-123',
    });
    expect(shapeProblems(all, config)).toEqual([]);
  });

  it('keeps ingestion and monitoring together while ClickHouse is the embedded engine', () => {
    expect(shapeProblems(['monitoring'], loadPlatformConfig({}))).toEqual([
      expect.stringMatching(
        /^monitoring runs without ingestion while ClickHouse is the embedded chDB engine/,
      ),
    ]);
    expect(shapeProblems(['ingestion', 'monitoring'], loadPlatformConfig({}))).toEqual([]);
    expect(
      shapeProblems(['monitoring'], loadPlatformConfig({ FLYWHEEL_CLICKHOUSE_URL: 'http://127.0.0.1:8123' })),
    ).toEqual([]);
  });

  it('reports ports assigned twice among the selected listeners', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_REGISTRY_HTTP_PORT: '5000',
      FLYWHEEL_ORCHESTRATION_GRPC_PORT: '9464',
    });
    expect(shapeProblems(['tracking', 'registry', 'orchestration'], config)).toEqual([
      'port 9464 is assigned to more than one listener: admin, orchestration grpc',
      'port 5000 is assigned to more than one listener: tracking http, registry http',
    ]);
    expect(shapeProblems(['tracking'], config)).toEqual([]);
  });
});

import { loadPlatformConfig, SERVICE_NAMES } from '@flywheel/config';
import { isLoopbackHost, shapeProblems } from './shape-checks';

const all = [...SERVICE_NAMES];

describe('shapeProblems', () => {
  it('accepts the default standalone shape', () => {
    expect(shapeProblems(all, loadPlatformConfig({}))).toEqual([]);
  });

  it('refuses a non-loopback bind host in the standalone shape, saying why', () => {
    const [problem] = shapeProblems(all, loadPlatformConfig({ FLYWHEEL_BIND_HOST: '0.0.0.0' }));
    expect(problem).toMatch(/FLYWHEEL_BIND_HOST=0\.0\.0\.0 is not a loopback address.*no authentication yet/);
  });

  it('allows a non-loopback bind host for individual targets', () => {
    expect(shapeProblems(['tracking'], loadPlatformConfig({ FLYWHEEL_BIND_HOST: '0.0.0.0' }))).toEqual([]);
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

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'flywheel.internal'])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

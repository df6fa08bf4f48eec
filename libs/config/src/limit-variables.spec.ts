import { ConfigError } from './config-error';
import { loadPlatformConfig } from './platform-config';

describe('request limit variables', () => {
  it('reads every limit, 0 turning the rate limit off', () => {
    expect(
      loadPlatformConfig({
        FLYWHEEL_MAX_REQUEST_BYTES: '1048576',
        FLYWHEEL_MAX_PAGE_SIZE: '50',
        FLYWHEEL_RATE_LIMIT_PER_SECOND: '0',
        FLYWHEEL_REQUEST_TIMEOUT_MS: '5000',
      }).limits,
    ).toEqual({ maxRequestBytes: 1_048_576, maxPageSize: 50, rateLimitPerSecond: 0, requestTimeoutMs: 5000 });
  });

  it('lists every limit out of range', () => {
    try {
      loadPlatformConfig({ FLYWHEEL_MAX_REQUEST_BYTES: '10', FLYWHEEL_MAX_PAGE_SIZE: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        {
          variable: 'FLYWHEEL_MAX_REQUEST_BYTES',
          reason: 'expected bytes (an integer from 1024 to 1073741824), got "10"',
        },
        {
          variable: 'FLYWHEEL_MAX_PAGE_SIZE',
          reason: 'expected a page size (an integer from 1 to 100000), got "0"',
        },
      ]);
    }
  });
});

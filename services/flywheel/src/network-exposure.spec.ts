import { loadPlatformConfig } from '@flywheel/config';
import { exposureDecision, isLoopbackHost } from './network-exposure';

const AUTH_ON = { FLYWHEEL_AUTH: 'on', FLYWHEEL_AUTH_PEPPER: 'network-exposure-pepper' };

describe('exposureDecision', () => {
  it('starts without authentication on loopback, warning that authentication is off', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      expect(exposureDecision(loadPlatformConfig({ FLYWHEEL_BIND_HOST: host }))).toEqual({
        kind: 'warn',
        warning: expect.stringMatching(
          /^authentication is OFF: listening on loopback only \(set FLYWHEEL_AUTH=on/,
        ),
      });
    }
  });

  it('refuses any other address without authentication, naming both variables', () => {
    const decision = exposureDecision(loadPlatformConfig({ FLYWHEEL_BIND_HOST: '0.0.0.0' }));
    expect(decision).toEqual({
      kind: 'refuse',
      problem: expect.stringMatching(
        /^FLYWHEEL_BIND_HOST=0\.0\.0\.0 is not a loopback address and FLYWHEEL_AUTH is off/,
      ),
    });
  });

  it('accepts any address with authentication on, warning when keys would travel in clear text', () => {
    expect(exposureDecision(loadPlatformConfig({ ...AUTH_ON, FLYWHEEL_BIND_HOST: '127.0.0.1' }))).toEqual({
      kind: 'ok',
    });
    expect(exposureDecision(loadPlatformConfig({ ...AUTH_ON, FLYWHEEL_BIND_HOST: '10.0.0.5' }))).toEqual({
      kind: 'warn',
      warning: expect.stringMatching(
        /^TLS is off on 10\.0\.0\.5: API keys and tokens cross the network in clear text/,
      ),
    });
  });

  it('has nothing to say with authentication and TLS on', () => {
    const config = { ...loadPlatformConfig({ ...AUTH_ON, FLYWHEEL_BIND_HOST: '0.0.0.0' }) };
    const tls = { certFile: 'c', cert: 'c', keyFile: 'k', privateKey: 'k' };
    expect(exposureDecision({ ...config, tls })).toEqual({ kind: 'ok' });
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

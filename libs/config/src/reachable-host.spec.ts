import { reachableHost } from './reachable-host';

describe('reachableHost', () => {
  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['', '127.0.0.1'],
    ['::', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
    ['10.1.2.3', '10.1.2.3'],
    ['::1', '[::1]'],
    ['fe80::1', '[fe80::1]'],
    ['[::1]', '[::1]'],
    ['flywheel.internal', 'flywheel.internal'],
  ])('%j is reached at %j', (bindHost, expected) => {
    expect(reachableHost(bindHost)).toBe(expected);
  });
});

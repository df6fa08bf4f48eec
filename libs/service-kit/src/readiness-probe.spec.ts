import { checkDependency } from './readiness-probe';

describe('checkDependency', () => {
  it('reports ready when the check resolves', async () => {
    await expect(checkDependency('postgres', () => Promise.resolve('pong'))).resolves.toEqual({
      name: 'postgres',
      ready: true,
    });
  });

  it('reports the error message when the check rejects', async () => {
    await expect(checkDependency('kafka', () => Promise.reject(new Error('ECONNREFUSED')))).resolves.toEqual({
      name: 'kafka',
      ready: false,
      detail: 'ECONNREFUSED',
    });
  });

  it('reports a hang as not ready after the timeout', async () => {
    const hang = () => new Promise<never>(() => undefined);
    await expect(checkDependency('clickhouse', hang, 20)).resolves.toEqual({
      name: 'clickhouse',
      ready: false,
      detail: 'no answer within 20 ms',
    });
  });
});

import { BusLogger } from './logger';
import { REDACTED_SECRET, redactingLogger } from './redacting-logger';

describe('redactingLogger', () => {
  function capture(): { logger: BusLogger; calls: unknown[][] } {
    const calls: unknown[][] = [];
    const push = (level: string) => (message: string, fields?: Record<string, unknown>) => calls.push([level, message, fields]);
    return { logger: { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') }, calls };
  }

  it('replaces the secret in messages, nested fields and logged errors at every level', () => {
    const { logger, calls } = capture();
    const log = redactingLogger(logger, ['s3cr3t-value']);
    const error = new Error('login with s3cr3t-value failed');
    log.error('auth s3cr3t-value', { nested: { list: ['x s3cr3t-value y'] }, error, count: 3 });
    log.debug('fine', undefined);
    const text = JSON.stringify(calls, (_key, value: unknown) => (value instanceof Error ? `${value.message} ${value.stack}` : value));
    expect(text).not.toContain('s3cr3t-value');
    expect(calls[0]).toEqual(['error', `auth ${REDACTED_SECRET}`, expect.objectContaining({ count: 3, nested: { list: [`x ${REDACTED_SECRET} y`] } })]);
    expect(calls[1]).toEqual(['debug', 'fine', undefined]);
  });

  it('copes with cycles and passes byte buffers through', () => {
    const { logger, calls } = capture();
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    const bytes = new Uint8Array([1, 2]);
    redactingLogger(logger, ['zz']).warn('m', { cyclic, bytes });
    expect((calls[0]![2] as Record<string, unknown>).bytes).toBe(bytes);
  });

  it('is the logger itself when there is nothing to hide', () => {
    const { logger } = capture();
    expect(redactingLogger(logger, [])).toBe(logger);
    expect(redactingLogger(logger, [''])).toBe(logger);
  });
});

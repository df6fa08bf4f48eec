import { Writable } from 'node:stream';
import pino from 'pino';
import { NestLoggerAdapter } from './nest-logger';

function capturedAdapter() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'trace', formatters: { level: (label) => ({ level: label }) } }, sink);
  return { adapter: new NestLoggerAdapter(logger), lines };
}

describe('NestLoggerAdapter', () => {
  it('turns the trailing context argument into a field', () => {
    const { adapter, lines } = capturedAdapter();
    adapter.warn('slow start', 'TrackingModule');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'slow start', context: 'TrackingModule' }),
    ]);
  });

  it('keeps the stack of an error logged as (message, stack, context)', () => {
    const { adapter, lines } = capturedAdapter();
    adapter.error('boom', 'Error: boom\n    at somewhere', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'boom',
      context: 'ExceptionsHandler',
      stack: 'Error: boom\n    at somewhere',
    });
  });

  it("logs Nest's start-up chatter at debug and application messages at info", () => {
    const { adapter, lines } = capturedAdapter();
    adapter.log('TrackingModule dependencies initialized', 'InstanceLoader');
    adapter.log('tracking ready', 'TrackingReadiness');
    expect(lines.map((line) => line.level)).toEqual(['debug', 'info']);
  });

  it('serializes Error objects under err', () => {
    const { adapter, lines } = capturedAdapter();
    adapter.error(new Error('bind failed'));
    expect(lines[0]).toMatchObject({ msg: 'bind failed', err: { message: 'bind failed', type: 'Error' } });
  });
});

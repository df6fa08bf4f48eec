import { logLevel } from 'kafkajs';
import { BusLogger } from '../contract/logger';
import { kafkaLogCreator } from './kafka-log-creator';

describe('kafkaLogCreator', () => {
  it("forwards kafkajs entries to the matching logger method with kafkajs's namespace and fields", () => {
    const calls: [string, string, Record<string, unknown> | undefined][] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => calls.push([level, message, fields]);
    const logger: BusLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const log = kafkaLogCreator(logger)(logLevel.DEBUG);
    const entry = (level: logLevel, message: string) => ({ namespace: 'Consumer', level, label: '', log: { timestamp: 't', logger: 'kafkajs', message, groupId: 'g' } });

    log(entry(logLevel.ERROR, 'crashed'));
    log(entry(logLevel.WARN, 'slow'));
    log(entry(logLevel.INFO, 'joined'));
    log(entry(logLevel.DEBUG, 'fetch'));

    expect(calls).toEqual([
      ['error', 'kafkajs Consumer: crashed', { groupId: 'g' }],
      ['warn', 'kafkajs Consumer: slow', { groupId: 'g' }],
      ['info', 'kafkajs Consumer: joined', { groupId: 'g' }],
      ['debug', 'kafkajs Consumer: fetch', { groupId: 'g' }],
    ]);
  });
});

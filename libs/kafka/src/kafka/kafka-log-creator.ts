import { logCreator, logLevel } from 'kafkajs';
import { BusLogger } from '../contract/logger';
import { KafkaLogLevel } from './kafka-options';

/** kafkajs's log level for ours. */
export function kafkaLogLevel(level: KafkaLogLevel): logLevel {
  switch (level) {
    case 'nothing':
      return logLevel.NOTHING;
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'info':
      return logLevel.INFO;
    case 'debug':
      return logLevel.DEBUG;
  }
}

/** Sends kafkajs's log entries to `logger`, prefixed with their kafkajs namespace. */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _source, ...fields } = log;
      const text = `kafkajs ${namespace}: ${message}`;
      switch (level) {
        case logLevel.ERROR:
          return logger.error(text, fields);
        case logLevel.WARN:
          return logger.warn(text, fields);
        case logLevel.INFO:
          return logger.info(text, fields);
        case logLevel.DEBUG:
          return logger.debug(text, fields);
        case logLevel.NOTHING:
          return;
      }
    };
}

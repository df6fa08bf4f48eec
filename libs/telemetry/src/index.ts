export { startTelemetry, type Telemetry, type TelemetryOptions } from './start-telemetry';
export { createLogger, configureLogging, type Logger, type LoggingOptions } from './logger';
export { NestLoggerAdapter } from './nest-logger';
export { PROMETHEUS_CONTENT_TYPE } from './prometheus-metrics';
export { traceGrpcMethodByHand, traceServerCallIfSampled } from './hand-traced-grpc';

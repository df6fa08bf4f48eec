import type { PlatformConfig } from '@flywheel/config';

/** Injection token of the platform settings ingestion's outgoing gRPC calls use (service key, TLS). */
export const INGESTION_PLATFORM = Symbol('flywheel.ingestion.platform');

export type IngestionPlatform = Pick<PlatformConfig, 'auth' | 'tls'>;

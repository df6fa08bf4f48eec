import { type DynamicModule, Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { INGESTION_OPTIONS, type IngestionOptions } from './ingestion-options';
import { INGESTION_PLATFORM, type IngestionPlatform } from './ingestion-platform';
import { IngestionReadiness } from './ingestion.readiness';
import { IngestionService } from './ingestion.service';
import { IngestionMetrics } from './metrics/ingestion-metrics';

/**
 * Ingestion: consumes inference logs (`flywheel.inference.logs.v1`) and ground-truth feedback
 * (`flywheel.inference.feedback.v1`), validates each against its schema and the model's
 * registered feature schema, and writes batches into ClickHouse with insert deduplication so a
 * redelivered batch lands once; rejects go to the topic's DLQ. Owns the ClickHouse schema. Needs
 * the platform tokens EVENT_BUS and CLICKHOUSE. Its gRPC port serves health and reflection only.
 */
@Module({})
export class IngestionModule {
  static forRoot(options: IngestionOptions, platform: IngestionPlatform): DynamicModule {
    return {
      module: IngestionModule,
      providers: [
        { provide: INGESTION_OPTIONS, useValue: options },
        { provide: INGESTION_PLATFORM, useValue: platform },
        { provide: IngestionMetrics, useFactory: () => new IngestionMetrics() },
        IngestionService,
        { provide: ReadinessProbe, useClass: IngestionReadiness },
      ],
    };
  }
}

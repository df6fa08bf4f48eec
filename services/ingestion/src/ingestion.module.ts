import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { IngestionReadiness } from './ingestion.readiness';

/**
 * Ingestion: consumes inference logs (`flywheel.inference.logs.v1`) and ground-truth feedback
 * (`flywheel.inference.feedback.v1`) from Kafka, validates each against its schema and the
 * model's registered feature schema, and writes batches into ClickHouse with insert
 * deduplication so a redelivered batch lands once; rejects go to the topic's DLQ. Owns the
 * ClickHouse schema. Its gRPC port serves health and reflection only.
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: IngestionReadiness }],
})
export class IngestionModule {}

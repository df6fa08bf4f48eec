export { ingestionService } from './ingestion.definition';
export { IngestionModule } from './ingestion.module';
export { type IngestionOptions, ingestionOptionsFrom, ingestionVariablesSchema } from './ingestion-options';
export { CLICKHOUSE_MIGRATIONS_DIR, applyClickHouseSchema } from './schema/apply-clickhouse-schema';

export { ingestionService } from './ingestion.definition';
export { IngestionModule } from './ingestion.module';

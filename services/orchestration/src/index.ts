export { orchestrationService } from './orchestration.definition';
export { OrchestrationModule } from './orchestration.module';

export { orchestrationService } from './orchestration.definition';
export { OrchestrationModule } from './orchestration.module';
export { type OrchestrationOptions, orchestrationOptionsFrom } from './orchestration-options';
export { ORCHESTRATION_ROUTES } from './orchestration.routes';

export { monitoringService } from './monitoring.definition';
export { MonitoringModule } from './monitoring.module';

export { monitoringService } from './monitoring.definition';
export { MonitoringModule } from './monitoring.module';
export { MONITORING_MIGRATIONS_DIR } from './monitoring.service';
export type { MonitoringOptions } from './monitoring-options';
export { type MonitoringSettings, loadMonitoringSettings } from './settings/monitoring-settings';
export type {
  ModelMonitoringConfig,
  ModelMonitoringOverride,
  ReferenceChoice,
} from './settings/model-monitoring-config';
export { MONITORING_TAG } from './settings/monitoring-tag';

import type { PlatformConfig } from '@flywheel/config';
import type { MonitoringSettings } from './settings/monitoring-settings';

/** Injection token of the monitoring service's options. */
export const MONITORING_OPTIONS = Symbol('flywheel.monitoring.options');

export interface MonitoringOptions {
  settings: MonitoringSettings;
  /** Service key and TLS for the registry calls (reference profiles). */
  platform: Pick<PlatformConfig, 'auth' | 'tls'>;
  /** Where "now" comes from; tests drive windows with their own clock. */
  clock?: () => number;
}

import { type DynamicModule, Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { MONITORING_OPTIONS, type MonitoringOptions } from './monitoring-options';
import { MonitoringReadiness } from './monitoring.readiness';
import { MonitoringService } from './monitoring.service';

/**
 * Monitoring: continuous windows over ClickHouse; data drift per feature (PSI, KS, Wasserstein,
 * Jensen-Shannon, chi-square), prediction drift, live performance once feedback arrives, and
 * canary-versus-champion health. Writes drift metrics back to ClickHouse for Grafana and emits
 * drift, retrain and rollback events with hysteresis so one noisy window does not flap. Needs the
 * platform tokens EVENT_BUS and CLICKHOUSE.
 */
@Module({})
export class MonitoringModule {
  static forRoot(options: MonitoringOptions): DynamicModule {
    return {
      module: MonitoringModule,
      providers: [
        { provide: MONITORING_OPTIONS, useValue: options },
        MonitoringService,
        { provide: ReadinessProbe, useClass: MonitoringReadiness },
      ],
    };
  }
}

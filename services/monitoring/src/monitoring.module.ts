import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { MonitoringReadiness } from './monitoring.readiness';

/**
 * Monitoring: continuous windows over ClickHouse; data drift per feature (PSI, KS, Wasserstein,
 * Jensen-Shannon, chi-square), prediction drift, live performance once feedback arrives, and
 * canary-versus-champion health. Writes drift metrics back to ClickHouse for Grafana and emits
 * drift, retrain and rollback events with hysteresis so one noisy window does not flap.
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: MonitoringReadiness }],
})
export class MonitoringModule {}

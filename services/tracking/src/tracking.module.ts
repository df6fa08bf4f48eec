import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { TrackingReadiness } from './tracking.readiness';

/**
 * Tracking: experiments, runs, params, metrics (with step and timestamp), tags and artifacts,
 * over a gRPC API and an MLflow-compatible REST API on its HTTP port (which also forwards the
 * registry's MLflow routes, so one MLFLOW_TRACKING_URI works for `mlflow` clients).
 */
@Module({
  providers: [{ provide: ReadinessProbe, useClass: TrackingReadiness }],
})
export class TrackingModule {}

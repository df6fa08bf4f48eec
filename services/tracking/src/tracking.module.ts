import { Module } from '@nestjs/common';
import { ReadinessProbe } from '@flywheel/service-kit';
import { ArtifactsService } from './artifacts/artifacts.service';
import { TrackingAudit } from './audit/tracking-audit';
import { TrackingDatabase } from './database/tracking-database';
import { TrackingSchemaMigrator } from './database/tracking-schema.migrator';
import { ExperimentSearchService } from './experiments/experiment-search.service';
import { ExperimentRepository } from './experiments/experiment.repository';
import { ExperimentsService } from './experiments/experiments.service';
import { TrackingGrpcController } from './grpc/tracking.grpc-controller';
import { LoggedModelSearchService } from './logged-models/logged-model-search.service';
import { LoggedModelRepository } from './logged-models/logged-model.repository';
import { LoggedModelsService } from './logged-models/logged-models.service';
import { MetricHistoryRepository } from './metrics/metric-history.repository';
import { MetricHistoryService } from './metrics/metric-history.service';
import { RunDataRepository } from './metrics/run-data.repository';
import { RunLoggingService } from './metrics/run-logging.service';
import { ExperimentsController } from './mlflow-rest/experiments.controller';
import { LoggedModelsController } from './mlflow-rest/logged-models.controller';
import { MetricsController } from './mlflow-rest/metrics.controller';
import { MlflowArtifactsController } from './mlflow-rest/mlflow-artifacts.controller';
import { MlflowHttpSetup } from './mlflow-rest/mlflow-http-setup';
import { RunArtifactsController } from './mlflow-rest/run-artifacts.controller';
import { RunLoggingController } from './mlflow-rest/run-logging.controller';
import { RunsController } from './mlflow-rest/runs.controller';
import { RegistryForwardController } from './registry-forward/registry-forward.controller';
import { RegistryForwarder } from './registry-forward/registry-forwarder';
import { RunEventOutboxRepository } from './run-events/run-event-outbox.repository';
import { RunEventRelay } from './run-events/run-event.relay';
import { RunInputsRepository } from './runs/run-inputs.repository';
import { RunInputsService } from './runs/run-inputs.service';
import { RunQueryRepository } from './runs/run-query.repository';
import { RunSearchService } from './runs/run-search.service';
import { RunRepository } from './runs/run.repository';
import { RunsService } from './runs/runs.service';
import { TrackingReadiness } from './tracking.readiness';

/**
 * Tracking: experiments, runs, params, metrics (with step and timestamp), tags, dataset inputs
 * and artifacts, over the gRPC API and an MLflow-compatible REST API on its HTTP port (which
 * also forwards the registry's MLflow routes, so one MLFLOW_TRACKING_URI works for `mlflow`
 * clients). Expects TRACKING_SETTINGS (TrackingSettingsModule) and the platform's resources.
 */
@Module({
  controllers: [
    ExperimentsController,
    RunsController,
    RunLoggingController,
    MetricsController,
    MlflowArtifactsController,
    RunArtifactsController,
    LoggedModelsController,
    RegistryForwardController,
    TrackingGrpcController,
  ],
  providers: [
    TrackingDatabase,
    TrackingSchemaMigrator,
    TrackingAudit,
    ExperimentRepository,
    RunRepository,
    RunQueryRepository,
    RunDataRepository,
    RunInputsRepository,
    MetricHistoryRepository,
    RunEventOutboxRepository,
    LoggedModelRepository,
    ExperimentsService,
    ExperimentSearchService,
    RunsService,
    RunSearchService,
    RunLoggingService,
    RunInputsService,
    MetricHistoryService,
    LoggedModelsService,
    LoggedModelSearchService,
    ArtifactsService,
    RunEventRelay,
    RegistryForwarder,
    MlflowHttpSetup,
    { provide: ReadinessProbe, useClass: TrackingReadiness },
  ],
})
export class TrackingModule {}

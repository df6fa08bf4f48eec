import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { type Observable, defer } from 'rxjs';
import type { Principal } from '@flywheel/access';
import { trackingV1 } from '@flywheel/contracts';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { ArtifactsService } from '../artifacts/artifacts.service';
import { invalidArgument } from '../domain/tracking-error';
import { ExperimentSearchService } from '../experiments/experiment-search.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { MetricHistoryService } from '../metrics/metric-history.service';
import { RunLoggingService } from '../metrics/run-logging.service';
import { RunSearchService } from '../runs/run-search.service';
import { RunsService } from '../runs/runs.service';
import { receiveUpload, sendDownload } from './artifact-streams';
import { GrpcCall } from './grpc-call.decorator';
import { grpcActor } from './grpc-actor';
import * as wire from './grpc-mapping';
import { TrackingRpcExceptionFilter } from './tracking-rpc-exception.filter';

type Call = Parameters<typeof receiveUpload>[1] & Parameters<typeof sendDownload>[1];

/** `flywheel.tracking.v1.TrackingService`: the typed API of the tracking use cases. */
@Controller()
@trackingV1.TrackingServiceControllerMethods()
@UseFilters(TrackingRpcExceptionFilter)
export class TrackingGrpcController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly experimentSearch: ExperimentSearchService,
    private readonly runs: RunsService,
    private readonly runSearch: RunSearchService,
    private readonly logging: RunLoggingService,
    private readonly history: MetricHistoryService,
    private readonly artifacts: ArtifactsService,
  ) {}

  async createExperiment(
    @Payload() request: trackingV1.CreateExperimentRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.CreateExperimentResponse> {
    const actor = grpcActor(principal, metadata);
    const experiment = await this.experiments.create(actor, request.name, wire.keyValuesOf(request.tags));
    return { experiment: wire.experimentMessage(experiment) };
  }

  async getExperiment(
    @Payload() request: trackingV1.GetExperimentRequest,
  ): Promise<trackingV1.GetExperimentResponse> {
    if (!request.name && !request.experimentId) {
      throw invalidArgument('selector: one of experiment_id or name is required');
    }
    const experiment = request.name
      ? await this.experiments.getByName(request.name)
      : await this.experiments.get(request.experimentId!);
    return { experiment: wire.experimentMessage(experiment) };
  }

  async searchExperiments(
    @Payload() request: trackingV1.SearchExperimentsRequest,
  ): Promise<trackingV1.SearchExperimentsResponse> {
    const page = await this.experimentSearch.search({
      filter: request.filter,
      orderBy: request.orderBy,
      pageToken: request.pageToken,
      maxResults: wire.given(request.maxResults),
      viewType: wire.viewTypeOf(request.viewType),
    });
    return { experiments: page.items.map(wire.experimentMessage), nextPageToken: page.nextPageToken ?? '' };
  }

  async createRun(
    @Payload() request: trackingV1.CreateRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.CreateRunResponse> {
    const run = await this.runs.create(grpcActor(principal, metadata), {
      experimentId: request.experimentId,
      userId: request.userId,
      startTime: wire.given(request.startTimeMs),
      runName: request.runName,
      tags: wire.keyValuesOf(request.tags),
    });
    return { run: wire.runMessage(run) };
  }

  async getRun(@Payload() request: trackingV1.GetRunRequest): Promise<trackingV1.GetRunResponse> {
    return { run: wire.runMessage(await this.runs.get(request.runId)) };
  }

  async updateRun(
    @Payload() request: trackingV1.UpdateRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.UpdateRunResponse> {
    const info = await this.runs.update(grpcActor(principal, metadata), request.runId, {
      status: wire.statusOf(request.status),
      endTime: request.endTimeMs ?? undefined,
      runName: request.runName || undefined,
    });
    return { runInfo: wire.runInfoMessage(info) };
  }

  async deleteRun(
    @Payload() request: trackingV1.DeleteRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.DeleteRunResponse> {
    await this.runs.delete(grpcActor(principal, metadata), request.runId);
    return {};
  }

  async restoreRun(
    @Payload() request: trackingV1.RestoreRunRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.RestoreRunResponse> {
    await this.runs.restore(grpcActor(principal, metadata), request.runId);
    return {};
  }

  async searchRuns(@Payload() request: trackingV1.SearchRunsRequest): Promise<trackingV1.SearchRunsResponse> {
    const page = await this.runSearch.search({
      experimentIds: request.experimentIds,
      filter: request.filter,
      orderBy: request.orderBy,
      pageToken: request.pageToken,
      maxResults: wire.given(request.maxResults),
      viewType: wire.viewTypeOf(request.runViewType),
    });
    return { runs: page.items.map(wire.runMessage), nextPageToken: page.nextPageToken ?? '' };
  }

  async logBatch(
    @Payload() request: trackingV1.LogBatchRequest,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
  ): Promise<trackingV1.LogBatchResponse> {
    await this.logging.logBatch(grpcActor(principal, metadata), request.runId, {
      metrics: request.metrics.map(wire.metricOf),
      params: request.params,
      tags: request.tags,
    });
    return {};
  }

  async getMetricHistory(
    @Payload() request: trackingV1.GetMetricHistoryRequest,
  ): Promise<trackingV1.GetMetricHistoryResponse> {
    const page = await this.history.get(
      request.runId,
      request.metricKey,
      wire.given(request.maxResults),
      request.pageToken,
    );
    return { metrics: page.items.map(wire.metricMessage), nextPageToken: page.nextPageToken ?? '' };
  }

  async listArtifacts(
    @Payload() request: trackingV1.ListArtifactsRequest,
  ): Promise<trackingV1.ListArtifactsResponse> {
    const relative = request.path.replace(/\/+$/, '');
    const { artifactUri, path } = await this.artifacts.runPath(request.runId, relative);
    const files = await this.artifacts.list(path);
    return {
      rootUri: artifactUri,
      files: files.map((file) =>
        wire.fileInfoMessage({ ...file, path: relative ? `${relative}/${file.path}` : file.path }),
      ),
    };
  }

  /**
   * Returns a cold Observable rather than a Promise: Nest replays the messages that arrived
   * before the handler ran only once the handler has returned, so a handler that awaited the
   * whole stream would wait forever.
   */
  uploadArtifact(
    @Payload() messages: Observable<trackingV1.UploadArtifactRequest>,
    @Ctx() metadata: Metadata,
    @CurrentPrincipal() principal: Principal,
    @GrpcCall() call: Call,
  ): Observable<trackingV1.UploadArtifactResponse> {
    return defer(async () => {
      const upload = await receiveUpload(messages, call);
      const { runId, path, contentType } = upload.header;
      const target = await this.artifacts.runUploadPath(runId, path);
      await this.artifacts.upload(
        grpcActor(principal, metadata),
        target,
        upload.body,
        contentType || undefined,
      );
      return { file: { path, isDir: false, fileSize: upload.size() } };
    });
  }

  downloadArtifact(
    @Payload() request: trackingV1.DownloadArtifactRequest,
    @Ctx() _metadata: Metadata,
    @GrpcCall() call: Call,
  ): Observable<trackingV1.DownloadArtifactResponse> {
    const source = this.artifacts
      .runPath(request.runId, request.path)
      .then(({ path }) => this.artifacts.download(path));
    return sendDownload(source, call);
  }
}

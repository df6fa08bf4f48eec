import { trackingV1 } from '@flywheel/contracts';
import type { Experiment } from '../domain/experiment';
import type { KeyValue } from '../domain/key-value';
import type { LifecycleStage, ViewType } from '../domain/lifecycle';
import type { DatasetInput, Metric, Run, RunInfo, RunStatus } from '../domain/run';
import type { ListedFile } from '../artifacts/artifact-listing';

// Domain objects and the gRPC API's messages, both ways. Proto3 has no "absent" for scalars:
// 0 and "" mean "not given" on the way in.

const STATUS_TO_WIRE: Record<RunStatus, trackingV1.RunStatus> = {
  RUNNING: trackingV1.RunStatus.RUNNING,
  SCHEDULED: trackingV1.RunStatus.SCHEDULED,
  FINISHED: trackingV1.RunStatus.FINISHED,
  FAILED: trackingV1.RunStatus.FAILED,
  KILLED: trackingV1.RunStatus.KILLED,
};

export function statusOf(status: trackingV1.RunStatus): RunStatus | undefined {
  return (Object.keys(STATUS_TO_WIRE) as RunStatus[]).find((key) => STATUS_TO_WIRE[key] === status);
}

export function viewTypeOf(view: trackingV1.ViewType): ViewType {
  switch (view) {
    case trackingV1.ViewType.DELETED_ONLY:
      return 'DELETED_ONLY';
    case trackingV1.ViewType.ALL:
      return 'ALL';
    case trackingV1.ViewType.ACTIVE_ONLY:
    case trackingV1.ViewType.UNSPECIFIED:
    case trackingV1.ViewType.UNRECOGNIZED:
      return 'ACTIVE_ONLY';
  }
}

function stageMessage(stage: LifecycleStage): trackingV1.LifecycleStage {
  return stage === 'active' ? trackingV1.LifecycleStage.ACTIVE : trackingV1.LifecycleStage.DELETED;
}

export function keyValuesOf(map: Record<string, string> | undefined): KeyValue[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}

function mapOf(pairs: readonly KeyValue[]): Record<string, string> {
  return Object.fromEntries(pairs.map((pair) => [pair.key, pair.value]));
}

export function experimentMessage(experiment: Experiment): trackingV1.Experiment {
  return {
    experimentId: experiment.experimentId,
    name: experiment.name,
    artifactLocation: experiment.artifactLocation,
    lifecycleStage: stageMessage(experiment.lifecycleStage),
    creationTimeMs: experiment.creationTime,
    lastUpdateTimeMs: experiment.lastUpdateTime,
    tags: mapOf(experiment.tags),
  };
}

export function runInfoMessage(info: RunInfo): trackingV1.RunInfo {
  return {
    runId: info.runId,
    experimentId: info.experimentId,
    runName: info.runName,
    userId: info.userId,
    status: STATUS_TO_WIRE[info.status],
    startTimeMs: info.startTime,
    ...(info.endTime !== null && { endTimeMs: info.endTime }),
    artifactUri: info.artifactUri,
    lifecycleStage: stageMessage(info.lifecycleStage),
  };
}

export function metricMessage(metric: Metric): trackingV1.Metric {
  return { key: metric.key, value: metric.value, timestampMs: metric.timestamp, step: metric.step };
}

export function metricOf(message: trackingV1.Metric): Metric {
  return { key: message.key, value: message.value, timestamp: message.timestampMs, step: message.step };
}

function datasetInputMessage({ dataset, tags }: DatasetInput): trackingV1.DatasetInput {
  return {
    dataset: {
      name: dataset.name,
      digest: dataset.digest,
      sourceType: dataset.sourceType,
      source: dataset.source,
      schema: dataset.schema ?? '',
      profile: dataset.profile ?? '',
    },
    tags: mapOf(tags),
  };
}

export function runMessage(run: Run): trackingV1.Run {
  return {
    info: runInfoMessage(run.info),
    metrics: run.metrics.map(metricMessage),
    params: mapOf(run.params),
    tags: mapOf(run.tags),
    inputs: run.inputs.map(datasetInputMessage),
  };
}

export function fileInfoMessage(file: ListedFile): trackingV1.FileInfo {
  return { path: file.path, isDir: file.isDir, fileSize: file.fileSize ?? 0 };
}

/** Proto3 sends 0 for an unset number. */
export function given(value: number): number | undefined {
  return value === 0 ? undefined : value;
}

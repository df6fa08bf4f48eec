import { randomUUID } from 'node:crypto';
import { type RunEvent, trackingV1 } from '@flywheel/contracts';
import type { Run, RunStatus } from '../domain/run';

const STATUS: Record<RunStatus, trackingV1.RunStatus> = {
  RUNNING: trackingV1.RunStatus.RUNNING,
  SCHEDULED: trackingV1.RunStatus.SCHEDULED,
  FINISHED: trackingV1.RunStatus.FINISHED,
  FAILED: trackingV1.RunStatus.FAILED,
  KILLED: trackingV1.RunStatus.KILLED,
};

/** The RunFinished event of `run`, as it stands once its terminal status is written. */
export function runFinishedEvent(run: Run, actor: string, occurredAtMs: number): RunEvent {
  const { info } = run;
  return {
    eventId: randomUUID(),
    runId: info.runId,
    experimentId: info.experimentId,
    occurredAtMs,
    actor,
    runFinished: {
      status: STATUS[info.status],
      runName: info.runName,
      userId: info.userId,
      startTimeMs: info.startTime,
      endTimeMs: info.endTime ?? occurredAtMs,
      artifactUri: info.artifactUri,
      metrics: Object.fromEntries(run.metrics.map((metric) => [metric.key, metric.value])),
      params: Object.fromEntries(run.params.map((param) => [param.key, param.value])),
      tags: Object.fromEntries(run.tags.map((tag) => [tag.key, tag.value])),
    },
  };
}

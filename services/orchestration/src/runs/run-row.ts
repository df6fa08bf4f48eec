import type { Pipeline, RunState, RunStatus } from '@flywheel/pipelines';

/** A run as stored, with the definition version it executes. */
export interface StoredRun {
  id: string;
  pipelineName: string;
  pipelineVersion: number;
  status: RunStatus;
  state: RunState;
  triggeredBy: string;
  createdAt: Date;
  finishedAt: Date | undefined;
  pipeline: Pipeline;
}

/** The last attempt of a step that ran a process. */
export interface AttemptRecord {
  step: string;
  attempt: number;
  exitCode: number | undefined;
  outputTail: string;
}

export interface RunRow {
  id: string;
  pipeline_name: string;
  pipeline_version: number;
  status: RunStatus;
  state: RunState;
  triggered_by: string;
  created_at: Date;
  finished_at: Date | null;
  pipeline: Pipeline;
}

export function storedRunOf(row: RunRow): StoredRun {
  return {
    id: row.id,
    pipelineName: row.pipeline_name,
    pipelineVersion: row.pipeline_version,
    status: row.status,
    state: row.state,
    triggeredBy: row.triggered_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? undefined,
    pipeline: row.pipeline,
  };
}

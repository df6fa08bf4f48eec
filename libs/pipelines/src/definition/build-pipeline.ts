import { PIPELINE_API_VERSION, type Pipeline, type Step } from '../pipeline';
import type { PipelineDraft, StepDraft } from './drafts';

/** The final model; only called once reading found no problem, so every part is present. */
export function buildPipeline(draft: PipelineDraft): Pipeline {
  return {
    apiVersion: PIPELINE_API_VERSION,
    name: draft.name!,
    ...(draft.description !== undefined && { description: draft.description }),
    params: draft.params,
    concurrency: draft.concurrency,
    triggers: draft.triggers,
    steps: draft.steps.map(buildStep),
    ...(draft.onExit && { onExit: buildStep(draft.onExit) }),
  };
}

function buildStep(draft: StepDraft): Step {
  return {
    name: draft.name!.value,
    ...(draft.description !== undefined && { description: draft.description }),
    task: draft.task!,
    dependsOn: draft.dependencies.map((dependency) => dependency.name),
    ...(draft.when !== undefined && { when: draft.when }),
    retry: draft.retry,
    ...(draft.timeoutMs !== undefined && { timeoutMs: draft.timeoutMs }),
    cache: draft.cache,
    outputs: draft.outputs,
  };
}

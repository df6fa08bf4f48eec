import type { Pipeline } from './pipeline';

/**
 * Steps that run code the definition's author chose (`process` commands, `kubernetes`
 * images), exit handler included. Only an admin may register a definition that has any;
 * built-in steps run the platform's own code and need no such trust.
 */
export function adminOnlySteps(pipeline: Pipeline): string[] {
  const steps = pipeline.onExit ? [...pipeline.steps, pipeline.onExit] : pipeline.steps;
  return steps.filter((step) => step.task.kind !== 'builtin').map((step) => step.name);
}

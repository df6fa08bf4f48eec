import type { ConcurrencyPolicy, ParamSpec, RetryPolicy, StepTask, Trigger } from '../pipeline';
import type { StringScalar } from './source-reader';

/** A string holding `${{ }}` placeholders, or a `when` condition, and where it was written. */
export interface ExpressionSite {
  readonly scalar: StringScalar;
  readonly path: string;
  readonly role: 'condition' | 'template';
}

export interface DependencySite {
  readonly name: string;
  readonly path: string;
  readonly start: number;
}

/** A step as read, with source positions; fields that failed to read are absent. */
export interface StepDraft {
  readonly path: string;
  readonly name?: { readonly value: string; readonly start: number; readonly path: string };
  readonly description?: string;
  readonly task?: StepTask;
  readonly dependencies: readonly DependencySite[];
  readonly when?: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs?: number;
  readonly cache: boolean;
  readonly outputs: readonly string[];
  readonly expressions: readonly ExpressionSite[];
}

export interface PipelineDraft {
  readonly name?: string;
  readonly description?: string;
  readonly params: readonly ParamSpec[];
  readonly concurrency: ConcurrencyPolicy;
  readonly triggers: readonly Trigger[];
  readonly steps: readonly StepDraft[];
  readonly onExit?: StepDraft;
}

import { parseCondition, type PlacedExpression } from '../expressions/condition';
import { referenceText } from '../expressions/ast';
import { collectReferences, type ReferenceSite } from '../expressions/references';
import { parseTemplate } from '../expressions/template';
import { typeCheck, type StaticType } from '../expressions/type-check';
import { upstreamOf } from '../graph/dependency-graph';
import type { Result } from '../result';
import type { Problems } from '../source/problems';
import { offsetInScalar } from '../source/source-node';
import { draftGraph } from './check-graph';
import type { ExpressionSite, PipelineDraft, StepDraft } from './drafts';
import { didYouMean } from './suggest';

/** What a step's expressions may see. */
interface Scope {
  readonly step: StepDraft;
  /** Whether a step's outputs are certain to exist when this step starts. */
  readonly isVisible: (step: string) => boolean;
  readonly outputs: ReadonlyMap<string, readonly string[]>;
  readonly params: ReadonlyMap<string, StaticType>;
}

/**
 * Parses every condition and placeholder and checks what it references: declared parameters,
 * existing steps upstream of the referring step (any step for the exit handler), declared
 * outputs; then the static type checks.
 */
export function checkExpressions(draft: PipelineDraft, problems: Problems): void {
  const graph = draftGraph(draft.steps);
  const outputs = new Map<string, readonly string[]>();
  for (const step of draft.steps) {
    if (step.name && !outputs.has(step.name.value)) outputs.set(step.name.value, step.outputs);
  }
  const params = new Map(draft.params.map((param) => [param.name, param.type] as const));
  for (const step of draft.steps) {
    // Computed on first use: most steps reference no other step.
    let upstream: ReadonlySet<string> | undefined;
    const isVisible = (name: string): boolean =>
      (upstream ??= upstreamOf(
        graph,
        step.dependencies.map((dependency) => dependency.name),
      )).has(name);
    checkStep({ step, isVisible, outputs, params }, problems);
  }
  if (draft.onExit)
    checkStep({ step: draft.onExit, isVisible: (name) => graph.has(name), outputs, params }, problems);
}

function checkStep(scope: Scope, problems: Problems): void {
  for (const site of scope.step.expressions) {
    const parsed = parseSite(site);
    if (!parsed.ok) {
      problems.add(
        `invalid expression in ${site.path}: ${parsed.error.message}`,
        site.path,
        offsetInScalar(site.scalar, parsed.error.offset),
      );
      continue;
    }
    for (const placed of parsed.value) {
      const at = (offset: number): number => offsetInScalar(site.scalar, placed.offset + offset);
      for (const reference of collectReferences(placed.expression)) {
        const message = referenceProblem(reference, scope);
        if (message) problems.add(message, site.path, at(reference.start));
      }
      const paramType = (name: string): StaticType => scope.params.get(name) ?? 'unknown';
      for (const problem of typeCheck(placed.expression, paramType, site.role === 'condition')) {
        problems.add(problem.message, site.path, at(problem.offset));
      }
    }
  }
}

function parseSite(site: ExpressionSite): Result<PlacedExpression[]> {
  if (site.role === 'condition') {
    const condition = parseCondition(site.scalar.value);
    return condition.ok ? { ok: true, value: [condition.value] } : condition;
  }
  const template = parseTemplate(site.scalar.value);
  if (!template.ok) return template;
  return {
    ok: true,
    value: template.value.parts.flatMap((part) => (part.kind === 'expression' ? [part] : [])),
  };
}

function referenceProblem({ reference }: ReferenceSite, scope: Scope): string | undefined {
  const text = referenceText(reference);
  if (reference.type === 'param') {
    if (scope.params.has(reference.name)) return undefined;
    return `${text}: unknown parameter '${reference.name}'${didYouMean(reference.name, scope.params.keys())}`;
  }
  const self = scope.step.name?.value;
  if (reference.step === self) return `${text}: a step cannot reference itself`;
  const outputs = scope.outputs.get(reference.step);
  if (!outputs)
    return `${text}: unknown step '${reference.step}'${didYouMean(reference.step, scope.outputs.keys())}`;
  if (!scope.isVisible(reference.step)) {
    return `${text}: step '${reference.step}' is not upstream of '${self ?? scope.step.path}'; add it to depends_on`;
  }
  if (reference.type === 'output' && !outputs.includes(reference.key)) {
    const declared = outputs.length > 0 ? outputs.join(', ') : 'none (declare them with outputs:)';
    return `${text}: step '${reference.step}' has no output '${reference.key}'${didYouMean(reference.key, outputs)}; its outputs: ${declared}`;
  }
  return undefined;
}

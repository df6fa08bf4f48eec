import type { ExpressionContext } from '../expressions/evaluator';
import { renderString, renderValue } from '../expressions/render';
import type { StepTask } from '../pipeline';
import { failure, success, type Result } from '../result';

/**
 * The task with every `${{ }}` replaced by its value for this run: built-in inputs keep
 * the type of a placeholder that is the whole string; arguments and environment values
 * become strings. The error names the field that could not be resolved.
 */
export function resolveTask(task: StepTask, context: ExpressionContext): Result<StepTask, string> {
  switch (task.kind) {
    case 'builtin': {
      const inputs = resolveEntries(task.with, (value) => renderValue(value, context), 'with');
      return inputs.ok ? success({ ...task, with: inputs.value }) : inputs;
    }
    case 'process':
    case 'kubernetes': {
      const args = resolveArgs(task.args, context);
      if (!args.ok) return args;
      const env = resolveEntries(task.env, (value) => renderString(value, context), 'env');
      return env.ok ? success({ ...task, args: args.value, env: env.value }) : env;
    }
  }
}

function resolveArgs(args: readonly string[], context: ExpressionContext): Result<string[], string> {
  const resolved: string[] = [];
  for (const [index, arg] of args.entries()) {
    const rendered = renderString(arg, context);
    if (!rendered.ok) return failure(`args[${index}]: ${rendered.error.message}`);
    resolved.push(rendered.value);
  }
  return success(resolved);
}

function resolveEntries<T, R>(
  entries: Readonly<Record<string, T>>,
  render: (value: T) => Result<R>,
  field: string,
): Result<Record<string, R>, string> {
  const resolved: [string, R][] = [];
  for (const [key, value] of Object.entries(entries)) {
    const rendered = render(value);
    if (!rendered.ok) return failure(`${field}.${key}: ${rendered.error.message}`);
    resolved.push([key, rendered.value]);
  }
  return success(Object.fromEntries(resolved));
}

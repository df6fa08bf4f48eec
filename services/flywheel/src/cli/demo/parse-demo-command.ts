import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error';
import type { DemoOptions } from './run-demo';

export interface DemoCommand {
  options: DemoOptions;
  /** Configuration flags by name (`admin-port`, `registry-grpc-port`): where the platform listens. */
  configFlags: Record<string, string>;
}

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const DEMO_OPTIONS = { model: { type: 'string' }, 'steady-seconds': { type: 'string' }, 'step-timeout': { type: 'string' }, 'window-seconds': { type: 'string' } } as const;

/**
 * Parses the words after `flywheel demo`: `[--model <name>] [--steady-seconds <s>]
 * [--step-timeout <s>] [--window-seconds <s>]` plus the configuration flags that say where the platform listens.
 * The default model name is new on every run (`churn-demo-<time>`), so reruns never collide.
 * @throws UsageError naming the flag at fault.
 */
export function parseDemoCommand(args: readonly string[], configFlags: readonly string[], nowMs = Date.now()): DemoCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        ...Object.fromEntries(configFlags.map((flag) => [flag, { type: 'string' as const }])),
        ...DEMO_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { model, 'steady-seconds': steady, 'step-timeout': timeout, 'window-seconds': window, help, ...flags } = parsed.values;
  if (help === true) return 'help';
  const modelName = typeof model === 'string' ? model : `churn-demo-${nowMs.toString(36)}`;
  if (!MODEL_NAME.test(modelName)) throw new UsageError(`--model "${modelName}" must be 1-100 of A-Z a-z 0-9 _ . - (not starting with _ . -)`);
  const config: Record<string, string> = {};
  for (const [flag, value] of Object.entries(flags)) if (typeof value === 'string') config[flag] = value;
  return {
    options: {
      modelName,
      steadySeconds: seconds('--steady-seconds', steady, 10),
      stepTimeoutMs: seconds('--step-timeout', timeout, 180) * 1000,
      windowSeconds: seconds('--window-seconds', window, 4),
    },
    configFlags: config,
  };
}

function seconds(flag: string, value: string | boolean | undefined, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new UsageError(`${flag} must be a positive number of seconds, got "${value}"`);
  return parsed;
}

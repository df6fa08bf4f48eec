import { describePlatformVariables } from '@flywheel/config';
import { keysUsage } from './keys/keys-usage';
import { VALID_TARGETS } from './targets';

/** The text of `flywheel --help`. */
export function usage(): string {
  const variables = describePlatformVariables();
  const width = Math.max(...variables.map((variable) => variable.variable.length));
  const lines = variables.map((variable) => {
    const flag = variable.flag === undefined ? '(environment only)' : `--${variable.flag}`;
    return `  ${variable.variable.padEnd(width)}  ${flag}\n  ${''.padEnd(width)}  ${variable.description}`;
  });
  return `Usage: flywheel start [--target=<targets>] [options]
       flywheel keys create|list|revoke [options]
       flywheel demo [--model=<name>] [--steady-seconds=<s>] [--step-timeout=<s>] [--window-seconds=<s>] [options]
       flywheel --help

Runs any set of Flywheel services in one process.

  --target=<targets>  all (default: every service, standalone with embedded defaults)
                      or a comma-separated list of: ${VALID_TARGETS.slice(1).join(', ')}

${keysUsage()}
flywheel demo drives the whole loop against a running platform (started with the same
configuration): registers a churn model, serves it with feedback, shifts the data, and narrates
drift, retrain, gates, canary and promotion until the new champion serves (exit 0). Its model
carries its own monitoring settings (tag flywheel.monitoring: --window-seconds windows, 4 by
default), so it takes about a minute on the default configuration.

Configuration: each FLYWHEEL_* variable below; its flag, when it has one, overrides it.

${lines.join('\n')}
`;
}

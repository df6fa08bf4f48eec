// Entry of `flywheel`. Only the CLI, configuration and telemetry load before telemetry
// starts; Nest, gRPC and the services load afterwards so the instrumentations patch them.
import {
  ConfigError,
  loadPlatformConfig,
  redactSecrets,
  SERVICE_NAMES,
  type PlatformConfig,
  type ServiceName,
} from '@flywheel/config';
import { createLogger, startTelemetry } from '@flywheel/telemetry';
import { parseCommand, type Command } from './cli/parse-command';
import { usage } from './cli/usage';
import { UsageError } from './cli/usage-error';
import { shapeProblems } from './shape-checks';

const EXIT_USAGE = 2;

type Prepared =
  | { exitCode: number }
  | { targets: ServiceName[]; config: PlatformConfig }
  | { keys: Extract<Command, { kind: 'keys' }>['action']; config: PlatformConfig }
  | { demo: Extract<Command, { kind: 'demo' }>['options']; config: PlatformConfig };

async function main(args: readonly string[]): Promise<number | undefined> {
  const prepared = prepare(args);
  if ('exitCode' in prepared) return prepared.exitCode;
  if ('keys' in prepared) {
    const { runKeysCli } = await import('./cli/keys/run-keys-cli.js');
    return runKeysCli(prepared.keys, prepared.config);
  }
  if ('demo' in prepared) {
    const { runDemo } = await import('./cli/demo/run-demo.js');
    return runDemo(prepared.demo, prepared.config);
  }
  const { targets, config } = prepared;

  const telemetry = startTelemetry({
    serviceName: targets.length === SERVICE_NAMES.length ? 'flywheel' : `flywheel-${targets.join('+')}`,
    logLevel: config.logLevel,
    ...(config.otlpEndpoint !== undefined && { otlpEndpoint: config.otlpEndpoint }),
  });
  createLogger('flywheel').info({ config: redactSecrets(config) }, 'configuration loaded');
  const { startServices } = await import('./start-services.js');
  return startServices(targets, config, telemetry);
}

/** Parses the command line and validates configuration and shape, printing help or problems. */
function prepare(args: readonly string[]): Prepared {
  let command: Command;
  let config: PlatformConfig;
  try {
    command = parseCommand(args);
    if (command.kind === 'help') {
      process.stdout.write(usage());
      return { exitCode: 0 };
    }
    config = loadPlatformConfig(process.env, command.configFlags);
    if (command.kind === 'keys') return { keys: command.action, config };
    if (command.kind === 'demo') return { demo: command.options, config };
  } catch (error) {
    if (error instanceof UsageError) return refuse(`${error.message}\nRun flywheel --help for usage.`);
    if (error instanceof ConfigError) return refuse(error.message);
    throw error;
  }
  const problems = shapeProblems(command.targets, config);
  if (problems.length > 0) {
    return refuse(`cannot run this shape:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return { targets: command.targets, config };
}

function refuse(message: string): Prepared {
  process.stderr.write(`flywheel: ${message}\n`);
  return { exitCode: EXIT_USAGE };
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `flywheel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { exposureDecision } from './network-exposure';

/**
 * Problems with running `targets` together under `config` that each setting alone cannot
 * show. Empty when the shape is sound.
 */
export function shapeProblems(targets: readonly ServiceName[], config: PlatformConfig): string[] {
  return [...exposureProblems(config), ...chdbProblems(targets, config), ...portProblems(targets, config)];
}

// Without authentication nothing may listen where other machines can reach it, whatever the shape.
function exposureProblems(config: PlatformConfig): string[] {
  const decision = exposureDecision(config);
  return decision.kind === 'refuse' ? [decision.problem] : [];
}

// chDB is an in-process engine over a local folder: a service in another process cannot
// read what this one writes, and ingestion writes what monitoring reads.
function chdbProblems(targets: readonly ServiceName[], config: PlatformConfig): string[] {
  const ingestion = targets.includes('ingestion');
  const monitoring = targets.includes('monitoring');
  if (config.clickhouse.kind !== 'chdb' || ingestion === monitoring) return [];
  return [
    `${ingestion ? 'ingestion' : 'monitoring'} runs without ${ingestion ? 'monitoring' : 'ingestion'} while ` +
      `ClickHouse is the embedded chDB engine (${config.clickhouse.path}), which only one process can open. ` +
      'Run both in one process (--target=ingestion,monitoring) or set FLYWHEEL_CLICKHOUSE_URL to a ClickHouse server.',
  ];
}

function portProblems(targets: readonly ServiceName[], config: PlatformConfig): string[] {
  const users = new Map<number, string[]>([[config.adminPort, ['admin']]]);
  for (const service of targets) {
    const ports: Record<string, number | undefined> = config.ports[service];
    for (const [protocol, port] of Object.entries(ports)) {
      if (port !== undefined) users.set(port, [...(users.get(port) ?? []), `${service} ${protocol}`]);
    }
  }
  return [...users.entries()]
    .filter(([, owners]) => owners.length > 1)
    .map(([port, owners]) => `port ${port} is assigned to more than one listener: ${owners.join(', ')}`);
}

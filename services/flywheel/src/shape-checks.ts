import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { isStandalone } from './cli/targets';

/**
 * Problems with running `targets` together under `config` that each setting alone cannot
 * show. Empty when the shape is sound.
 */
export function shapeProblems(targets: readonly ServiceName[], config: PlatformConfig): string[] {
  return [
    ...bindHostProblems(targets, config),
    ...chdbProblems(targets, config),
    ...portProblems(targets, config),
  ];
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(host);
}

// The standalone shape has no authentication yet (a later issue adds it), so it must not be
// reachable from the network.
function bindHostProblems(targets: readonly ServiceName[], config: PlatformConfig): string[] {
  if (!isStandalone(targets) || isLoopbackHost(config.bindHost)) return [];
  return [
    `FLYWHEEL_BIND_HOST=${config.bindHost} is not a loopback address. The standalone shape ` +
      '(--target=all) has no authentication yet, so it listens on loopback only ' +
      '(127.0.0.1, ::1 or localhost). Keep the default, or run individual targets behind your own network controls.',
  ];
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

/** The six Flywheel services, in the order the design brief lists them. */
export const SERVICE_NAMES = [
  'ingestion',
  'tracking',
  'registry',
  'orchestration',
  'serving-gateway',
  'monitoring',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

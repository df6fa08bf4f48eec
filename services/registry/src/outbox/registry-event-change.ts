import { RegistryEvent } from '@flywheel/contracts';

type Envelope = 'eventId' | 'modelName' | 'occurredAtMs' | 'actor';
type ChangeMember = Exclude<keyof RegistryEvent, Envelope>;

/** Exactly one member of RegistryEvent's `change` oneof, e.g. `{ aliasSet: { alias, version, previousVersion } }`. */
export type RegistryEventChange = {
  [K in ChangeMember]: Required<Pick<RegistryEvent, K>> & Partial<Record<Exclude<ChangeMember, K>, undefined>>;
}[ChangeMember];

/** The change in the proto3 JSON mapping, as the outbox stores it (readable in SQL). */
export function changeToJson(change: RegistryEventChange): Record<string, unknown> {
  const json = RegistryEvent.toJSON({ eventId: '', modelName: '', occurredAtMs: 0, actor: '', ...change });
  return json as Record<string, unknown>;
}

/** The event the relay publishes for an outbox row: the envelope from its columns, the stored change. */
export function eventFromOutboxRow(row: {
  id: string;
  modelName: string;
  actor: string;
  occurredAt: Date;
  change: unknown;
}): RegistryEvent {
  const change = typeof row.change === 'object' && row.change !== null ? row.change : {};
  return RegistryEvent.fromJSON({
    ...change,
    eventId: row.id,
    modelName: row.modelName,
    occurredAtMs: row.occurredAt.getTime(),
    actor: row.actor,
  });
}

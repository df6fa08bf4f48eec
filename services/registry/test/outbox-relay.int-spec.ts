import type { PoolClient } from 'pg';
import { AUTH_DISABLED_PRINCIPAL } from '@flywheel/access';
import type { RegistryEvent } from '@flywheel/contracts';
import { AuditLogRepository, migrateIdentitySchema } from '@flywheel/identity';
import { EventDeduplicator, KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { migrateRegistrySchema } from '../src/db/migrate-registry-schema';
import { RegistryDatabase } from '../src/db/registry-database';
import { RegistryMutations } from '../src/mutations/registry-mutations';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from '../src/outbox/outbox-relay';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { BusRegistryEventPublisher, type RegistryEventPublisher, registryEventsTopic } from '../src/outbox/registry-event-publisher';

// The outbox against real PostgreSQL and Kafka: a relay that dies between publishing and
// marking, a relay whose publish fails, and a transaction that rolls back after writing its row.

const caller = { principal: AUTH_DISABLED_PRINCIPAL, requestId: 'outbox-test' };
const relayOptions = { ...DEFAULT_RELAY_OPTIONS, pollIntervalMs: 50, retryDelayMs: 50, stopTimeoutMs: 1_000, logger: { info: () => undefined, warn: () => undefined } };

describe('transactional outbox and relay', () => {
  const stack = testStack();
  let pool: PgPool;
  let database: RegistryDatabase;
  let outbox: OutboxRepository;
  let mutations: RegistryMutations;
  let bus: KafkaEventBus;
  let topic: string;
  const received: RegistryEvent[] = [];

  beforeAll(async () => {
    pool = createPgPool({ connectionString: stack.databaseUrl });
    const schema = uniqueName('registry_outbox');
    const auditSchema = uniqueName('registry_outbox_audit');
    await migrateRegistrySchema(pool, schema);
    await migrateIdentitySchema(pool, auditSchema);
    database = new RegistryDatabase(pool, schema);
    outbox = new OutboxRepository(schema);
    mutations = new RegistryMutations(database, outbox, new AuditLogRepository(pool, { schema: auditSchema }));
    bus = new KafkaEventBus({ brokers: stack.kafkaBrokers, logger: silentLogger });
    topic = uniqueName('registry_events');
    await bus.ensureTopics([topic], 3);
    const consumer = bus.createConsumer({ groupId: uniqueName('outbox_test') });
    consumer.subscribe(registryEventsTopic(topic), (batch) => {
      received.push(...batch.messages.map((message) => message.value));
      return Promise.resolve();
    });
    await consumer.start();
  });

  afterAll(async () => {
    await bus.close();
    await pool.close();
  });

  /** Commits `count` changes for `model`, each in its own transaction with its event. */
  async function commitChanges(model: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await mutations.run(caller, (m) => m.emit(model, { modelTagSet: { key: 'step', value: String(i) } }));
    }
  }

  const publisher = (): BusRegistryEventPublisher => new BusRegistryEventPublisher(bus.createProducer(), registryEventsTopic(topic));
  const stepsOf = (events: RegistryEvent[], model: string) => events.filter((e) => e.modelName === model).map((e) => e.modelTagSet?.value);

  it('delivers every event once per event id, in order per model, when the relay dies between publish and mark', async () => {
    const models = [uniqueName('crash_a'), uniqueName('crash_b')];
    for (const model of models) await commitChanges(model, 5);

    // Relay 1 publishes, then its process "dies" before marking: its connection is cut.
    let relayConnection: PoolClient | undefined;
    const published = new Promise<void>((resolve) => {
      const dying: OutboxRepository = Object.create(outbox) as OutboxRepository;
      dying.markDelivered = async (client: PoolClient) => {
        relayConnection = client;
        resolve();
        return new Promise<void>(() => undefined); // frozen: never marks
      };
      void new OutboxRelay(pool, dying, publisher(), relayOptions).relayOnce().catch(() => undefined);
    });
    await published;
    await waitFor(() => models.every((model) => stepsOf(received, model).length >= 5), { description: 'the first delivery' });
    relayConnection!.on('error', () => undefined); // the kill below errors the frozen relay's connection
    const pid = (await relayConnection!.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await pool.query('SELECT pg_terminate_backend($1)', [pid]);
    relayConnection!.release(true);

    // Relay 2 takes over the lock and republishes what was never marked, then marks it.
    const relay2 = new OutboxRelay(pool, outbox, publisher(), relayOptions);
    relay2.start();
    await waitFor(() => models.every((model) => stepsOf(received, model).length >= 10), { description: 'the redelivery', timeoutMs: 20_000 });
    await relay2.stop();

    const dedup = new EventDeduplicator();
    for (const model of models) {
      const mine = received.filter((event) => event.modelName === model);
      const ids = mine.map((event) => event.eventId);
      expect(new Set(ids).size).toBe(5); // duplicates carry the same event id
      const firstDeliveries = mine.filter((event) => dedup.firstDelivery(event.eventId));
      expect(firstDeliveries.map((event) => event.modelTagSet?.value)).toEqual(['0', '1', '2', '3', '4']);
      expect(firstDeliveries.map((event) => Number(event.eventId))).toEqual([...ids.slice(0, 5)].map(Number).sort((a, b) => a - b));
    }
    const pending = await pool.query(`SELECT count(*)::int AS n FROM "${database.schema}".outbox WHERE delivered_at IS NULL`);
    expect(pending.rows[0]).toEqual({ n: 0 });
  });

  it('keeps events whose publish failed and delivers them with the next relay', async () => {
    const model = uniqueName('publish_fails');
    await commitChanges(model, 3);
    const failing: RegistryEventPublisher = { publish: () => Promise.reject(new Error('broker unreachable')) };
    await expect(new OutboxRelay(pool, outbox, failing, relayOptions).relayOnce()).rejects.toThrow('broker unreachable');
    expect(stepsOf(received, model)).toEqual([]);

    const relay = new OutboxRelay(pool, outbox, publisher(), relayOptions);
    relay.start();
    await waitFor(() => stepsOf(received, model).length === 3, { description: 'delivery after the failed publish' });
    await relay.stop();
    expect(stepsOf(received, model)).toEqual(['0', '1', '2']);
  });

  it('never publishes the event of a transaction that rolled back after writing its outbox row', async () => {
    const model = uniqueName('rolled_back');
    await expect(
      mutations.run(caller, async (m) => {
        await m.emit(model, { modelTagSet: { key: 'step', value: 'rolled back' } });
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    await commitChanges(model, 1);

    const relay = new OutboxRelay(pool, outbox, publisher(), relayOptions);
    relay.start();
    await waitFor(() => stepsOf(received, model).length >= 1, { description: 'the committed event' });
    await relay.stop();
    expect(stepsOf(received, model)).toEqual(['0']);
    const rows = await pool.query(`SELECT count(*)::int AS n FROM "${database.schema}".outbox WHERE model_name = $1`, [model]);
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('lets only one relay publish a schema at a time', async () => {
    const first = new OutboxRelay(pool, outbox, publisher(), relayOptions);
    const second = new OutboxRelay(pool, outbox, publisher(), relayOptions);
    const model = uniqueName('single_relay');
    await commitChanges(model, 1);
    expect(await first.relayOnce()).toBeGreaterThanOrEqual(1);
    await commitChanges(model, 1);
    expect(await second.relayOnce()).toBe(0);
    expect(await first.relayOnce()).toBe(1);
    await first.stop();
    await second.stop();
  });
});

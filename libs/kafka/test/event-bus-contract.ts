import { createTraceState, context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { dlqTopic, OrchestrationCommand, Topic, TOPIC_CODECS } from '@flywheel/contracts';
import { uniqueName, waitFor } from '@flywheel/testing';
import { randomBytes } from 'node:crypto';
import {
  BatchHandler,
  bytesCodec,
  ConsumerOptions,
  ContentType,
  defineTopic,
  DlqHeader,
  EventBus,
  EventConsumer,
  EventTopic,
  withDeadLetterTopics,
} from '../src/index';

/** What a handler saw of one message, read while the batch was live. */
export interface Seen<T> {
  key: string | null;
  value: T;
  headers: Record<string, string>;
  offset: string;
  partition: number;
}

/** A handler that remembers every batch and message it was given. */
export function recorder<T>(onBatch: BatchHandler<T> = () => Promise.resolve()) {
  const seen: Seen<T>[] = [];
  const batches: { offsets: string[]; rejected: { offset: string; reason: string }[] }[] = [];
  const handler: BatchHandler<T> = async (batch) => {
    await onBatch(batch);
    batches.push({ offsets: batch.messages.map((m) => m.offset), rejected: batch.rejected.map(({ offset, reason }) => ({ offset, reason })) });
    for (const m of batch.messages) seen.push({ key: m.key, value: m.value, headers: { ...m.headers }, offset: m.offset, partition: batch.partition });
  };
  return { seen, batches, handler };
}

const codec = TOPIC_CODECS[Topic.OrchestrationCommands];

export function command(commandId: string, modelName = 'model-a'): OrchestrationCommand {
  return { commandId, modelName, issuedAtMs: 1_700_000_000_000, issuedBy: 'contract-test' };
}

const FAST_RETRY = { retries: 2, initialBackoffMs: 10, maxBackoffMs: 20 };
const WAIT = { timeoutMs: 45_000, intervalMs: 25 };

/**
 * The behaviour every EventBus must have, run against Kafka (integration test) and the in-process
 * bus. Each test uses its own topics and groups, so the suite can share a broker.
 */
export function describeEventBusContract(name: string, createBus: () => EventBus): void {
  describe(`${name} honours the event bus contract`, () => {
    let bus: EventBus;
    let contextManager: AsyncLocalStorageContextManager;

    beforeAll(() => {
      contextManager = new AsyncLocalStorageContextManager().enable();
      context.setGlobalContextManager(contextManager);
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    });

    afterAll(() => {
      propagation.disable();
      context.disable();
    });

    beforeEach(() => {
      bus = createBus();
    });

    afterEach(async () => {
      await bus.close();
    });

    async function createTopic(prefix: string, partitions: number): Promise<EventTopic<OrchestrationCommand>> {
      const topicName = uniqueName(`contract_${prefix}`);
      await bus.ensureTopics(withDeadLetterTopics([topicName]), partitions);
      return defineTopic(topicName, codec, (message) => message.modelName);
    }

    async function startConsumer<T>(topic: EventTopic<T>, handler: BatchHandler<T>, options: Partial<ConsumerOptions> = {}): Promise<EventConsumer> {
      const consumer = bus.createConsumer({ groupId: uniqueName('group'), retry: FAST_RETRY, ...options });
      consumer.subscribe(topic, handler);
      await consumer.start();
      return consumer;
    }

    async function readDeadLetters(topic: { name: string }, count: number): Promise<Seen<Uint8Array>[]> {
      const dlq = recorder<Uint8Array>();
      await startConsumer(defineTopic(dlqTopic(topic.name), bytesCodec), dlq.handler);
      await waitFor(() => dlq.seen.length >= count, { ...WAIT, description: `${count} dead letters on ${dlqTopic(topic.name)}` });
      return dlq.seen;
    }

    const ids = (seen: Seen<OrchestrationCommand>[]): string[] => seen.map((s) => s.value.commandId);

    it('delivers every message with its key and headers, in send order per key, each key on one partition', async () => {
      const topic = await createTopic('round_trip', 3);
      const received = recorder<OrchestrationCommand>();
      await startConsumer(topic, received.handler);
      const producer = bus.createProducer();

      await Promise.all(Array.from({ length: 60 }, (_, i) => producer.send(topic, command(`c${i}`, `model-${i % 6}`), { headers: { 'x-test': `h${i}` } })));
      await waitFor(() => received.seen.length >= 60, WAIT);

      expect(new Set(ids(received.seen)).size).toBe(60);
      for (let key = 0; key < 6; key++) {
        const ofKey = received.seen.filter((s) => s.key === `model-${key}`);
        expect(ofKey.map((s) => s.value.commandId)).toEqual(Array.from({ length: 10 }, (_, n) => `c${key + 6 * n}`));
        expect(new Set(ofKey.map((s) => s.partition)).size).toBe(1);
      }
      for (const s of received.seen) {
        expect(s.headers['x-test']).toBe(`h${s.value.commandId.slice(1)}`);
        expect(s.headers['content-type']).toBe(ContentType.Protobuf);
      }
    });

    it('splits the partitions of a topic between the members of one group', async () => {
      const topic = await createTopic('split', 4);
      const groupId = uniqueName('group');
      const first = recorder<OrchestrationCommand>();
      const second = recorder<OrchestrationCommand>();
      const a = await startConsumer(topic, first.handler, { groupId });
      const b = await startConsumer(topic, second.handler, { groupId });
      const owned = (consumer: EventConsumer): readonly number[] => consumer.assignment().find((t) => t.topic === topic.name)?.partitions ?? [];
      await waitFor(() => {
        const [pa, pb] = [owned(a), owned(b)];
        return pa.length > 0 && pb.length > 0 && new Set([...pa, ...pb]).size === 4 && pa.length + pb.length === 4;
      }, { ...WAIT, description: 'both members owning disjoint partitions' });

      const producer = bus.createProducer();
      await producer.sendMany(topic, Array.from({ length: 40 }, (_, i) => ({ value: command(`c${i}`, `key-${i}`) })));
      await waitFor(() => first.seen.length + second.seen.length >= 40, WAIT);

      expect(new Set([...ids(first.seen), ...ids(second.seen)]).size).toBe(40);
      expect(first.seen.length + second.seen.length).toBe(40);
      expect(first.seen.length).toBeGreaterThan(0);
      expect(second.seen.length).toBeGreaterThan(0);
      const firstPartitions = new Set(first.seen.map((s) => s.partition));
      expect(second.seen.filter((s) => firstPartitions.has(s.partition))).toEqual([]);
    });

    it('gives each consumer group every message', async () => {
      const topic = await createTopic('two_groups', 2);
      const one = recorder<OrchestrationCommand>();
      const two = recorder<OrchestrationCommand>();
      await startConsumer(topic, one.handler);
      await startConsumer(topic, two.handler);

      await bus.createProducer().sendMany(topic, Array.from({ length: 20 }, (_, i) => ({ value: command(`c${i}`, `key-${i}`) })));
      await waitFor(() => one.seen.length >= 20 && two.seen.length >= 20, WAIT);

      const all = Array.from({ length: 20 }, (_, i) => `c${i}`).sort();
      expect(ids(one.seen).sort()).toEqual(all);
      expect(ids(two.seen).sort()).toEqual(all);
    });

    it('resumes a group after its last committed offset', async () => {
      const topic = await createTopic('resume', 1);
      const groupId = uniqueName('group');
      const producer = bus.createProducer();
      await producer.sendMany(topic, Array.from({ length: 10 }, (_, i) => ({ value: command(`c${i}`) })));
      const before = recorder<OrchestrationCommand>();
      const firstMember = await startConsumer(topic, before.handler, { groupId });
      await waitFor(() => before.seen.length >= 10, WAIT);
      await firstMember.close();

      await producer.sendMany(topic, Array.from({ length: 10 }, (_, i) => ({ value: command(`c${10 + i}`) })));
      const after = recorder<OrchestrationCommand>();
      await startConsumer(topic, after.handler, { groupId });
      await waitFor(() => after.seen.length >= 10, WAIT);

      expect(ids(after.seen)).toEqual(Array.from({ length: 10 }, (_, i) => `c${10 + i}`));
      expect(after.seen[0]?.offset).toBe('10');
    });

    it('retries a failing handler, dead-letters the record it keeps failing on with the reason, and goes on', async () => {
      const topic = await createTopic('handler_failure', 1);
      const groupId = uniqueName('group');
      const attemptsOnBad = { count: 0 };
      const handled = recorder<OrchestrationCommand>(async (batch) => {
        if (batch.messages.some((m) => m.value.commandId === 'bad')) {
          attemptsOnBad.count += 1;
          throw new Error('cannot handle command bad');
        }
        await Promise.resolve();
      });
      const producer = bus.createProducer();
      await producer.sendMany(topic, ['c0', 'c1', 'bad', 'c3'].map((id) => ({ value: command(id), headers: { 'x-origin': 'contract' } })));
      await startConsumer(topic, handled.handler, { groupId });
      await waitFor(() => ['c0', 'c1', 'c3'].every((id) => ids(handled.seen).includes(id)), WAIT);

      await producer.send(topic, command('c4'));
      await waitFor(() => ids(handled.seen).includes('c4'), { ...WAIT, description: 'the consumer to go on after the dead letter' });

      expect(ids(handled.seen)).not.toContain('bad');
      expect(attemptsOnBad.count).toBeGreaterThanOrEqual(FAST_RETRY.retries + 1);
      const [letter] = await readDeadLetters(topic, 1);
      expect(codec.decode(letter!.value)).toEqual(command('bad'));
      expect(letter!.key).toBe('model-a');
      expect(letter!.headers[DlqHeader.Reason]).toMatch(/handler failed .*cannot handle command bad/);
      expect(letter!.headers[DlqHeader.SourceTopic]).toBe(topic.name);
      expect(letter!.headers[DlqHeader.SourcePartition]).toBe('0');
      expect(letter!.headers[DlqHeader.SourceOffset]).toBe('2');
      expect(letter!.headers[DlqHeader.ConsumerGroup]).toBe(groupId);
      expect(Date.parse(letter!.headers[DlqHeader.FailedAt]!)).not.toBeNaN();
      expect(letter!.headers['x-origin']).toBe('contract');
      expect(letter!.headers['content-type']).toBe(ContentType.Protobuf);
    });

    it('dead-letters undecodable records with the reason and still delivers their batch-mates', async () => {
      const topic = await createTopic('poison', 1);
      const poison = Uint8Array.from([0x0f, 0xff, 0x00]);
      await bus.createProducer().sendRaw(topic.name, [
        { key: 'model-a', value: codec.encode(command('c0')) },
        { key: 'model-a', value: poison, headers: { 'x-origin': 'fuzzer' } },
        { key: 'model-a', value: codec.encode(command('c2')), headers: { 'content-type': ContentType.Protobuf } },
      ]);
      const received = recorder<OrchestrationCommand>();
      await startConsumer(topic, received.handler);
      await waitFor(() => received.seen.length >= 2, WAIT);

      expect(ids(received.seen)).toEqual(['c0', 'c2']);
      expect(received.batches).toHaveLength(1);
      expect(received.batches[0]).toEqual({ offsets: ['0', '2'], rejected: [{ offset: '1', reason: expect.stringMatching(/cannot decode application\/x-protobuf value as flywheel\.orchestration\.v1\.OrchestrationCommand/) }] });
      const [letter] = await readDeadLetters(topic, 1);
      expect(Buffer.from(letter!.value)).toEqual(Buffer.from(poison));
      expect(letter!.headers['x-origin']).toBe('fuzzer');
      expect(letter!.headers[DlqHeader.Reason]).toMatch(/cannot decode/);
      expect(letter!.headers[DlqHeader.SourceOffset]).toBe('1');
    });

    it('decodes application/json records with the proto3 JSON mapping', async () => {
      const topic = await createTopic('json', 1);
      const json = (message: OrchestrationCommand): Uint8Array => Buffer.from(JSON.stringify(codec.toJSON(message)));
      await bus.createProducer().sendRaw(topic.name, [
        { key: 'model-a', value: json(command('j0')), headers: { 'content-type': 'application/json' } },
        { key: 'model-a', value: json(command('j1')), headers: { 'content-type': 'application/json; charset=utf-8' } },
      ]);
      const received = recorder<OrchestrationCommand>();
      await startConsumer(topic, received.handler);
      await waitFor(() => received.seen.length >= 2, WAIT);

      expect(received.seen.map((s) => s.value)).toEqual([command('j0'), command('j1')]);
    });

    it('runs the handler inside the trace context of the code that sent the message', async () => {
      const topic = await createTopic('trace', 1);
      const sender = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: TraceFlags.SAMPLED, traceState: createTraceState('flywheel=contract') };
      const inHandler: { traceId?: string; messageSpanId?: string; messageTraceState?: string } = {};
      await startConsumer(topic, async (batch) => {
        inHandler.traceId = trace.getSpanContext(context.active())?.traceId;
        const messageContext = trace.getSpanContext(batch.messages[0]!.traceContext);
        inHandler.messageSpanId = messageContext?.spanId;
        inHandler.messageTraceState = messageContext?.traceState?.get('flywheel');
        await Promise.resolve();
      });

      const producer = bus.createProducer();
      await context.with(trace.setSpanContext(ROOT_CONTEXT, sender), () => producer.send(topic, command('traced')));
      await waitFor(() => inHandler.traceId, WAIT);

      expect(inHandler).toEqual({ traceId: sender.traceId, messageSpanId: sender.spanId, messageTraceState: 'contract' });
    });

    it('close() during retries leaves the batch uncommitted, so the next member of the group gets it again', async () => {
      const topic = await createTopic('redeliver', 1);
      const groupId = uniqueName('group');
      await bus.createProducer().send(topic, command('c0'));
      let attempts = 0;
      const failing = await startConsumer(
        topic,
        () => {
          attempts += 1;
          return Promise.reject(new Error('downstream unavailable'));
        },
        { groupId, retry: { retries: 5, initialBackoffMs: 60_000, maxBackoffMs: 60_000 } },
      );
      await waitFor(() => attempts >= 1, WAIT);
      await failing.close();

      const received = recorder<OrchestrationCommand>();
      await startConsumer(topic, received.handler, { groupId });
      await waitFor(() => received.seen.length >= 1, WAIT);
      expect(attempts).toBe(1);
      expect(ids(received.seen)).toEqual(['c0']);
    });

    it('close() lets the in-flight batch finish and commits it before leaving', async () => {
      const topic = await createTopic('drain', 1);
      const groupId = uniqueName('group');
      const producer = bus.createProducer();
      await producer.sendMany(topic, Array.from({ length: 5 }, (_, i) => ({ value: command(`c${i}`) })));
      const events: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = recorder<OrchestrationCommand>(async () => {
        events.push('handler started');
        await gate;
        events.push('handler finished');
      });
      const consumer = await startConsumer(topic, slow.handler, { groupId });
      await waitFor(() => events.includes('handler started'), WAIT);

      const closing = consumer.close().then(() => events.push('close resolved'));
      await new Promise((resolve) => setImmediate(resolve));
      release();
      await closing;

      expect(events).toEqual(['handler started', 'handler finished', 'close resolved']);
      expect(ids(slow.seen)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
      await producer.send(topic, command('c5'));
      const next = recorder<OrchestrationCommand>();
      await startConsumer(topic, next.handler, { groupId });
      await waitFor(() => next.seen.length >= 1, WAIT);
      expect(ids(next.seen)).toEqual(['c5']);
    });
  });
}

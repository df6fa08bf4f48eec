import { Admin } from 'kafkajs';
import { assertTopicName } from '../contract/event-topic';
import { checkCount } from '../core/consumer-settings';

/**
 * Creates the topics among `topics` that do not exist yet, each with `partitions` partitions and
 * the broker's default replication factor, and waits for their leaders. Existing topics are not
 * altered (Kafka cannot shrink a topic, and growing one moves keys between partitions).
 */
export async function ensureKafkaTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const problem = checkCount('partitions', partitions, 1);
  if (problem) throw new Error(`ensureTopics: ${problem}`);
  topics.forEach(assertTopicName);
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
}

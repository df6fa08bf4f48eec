import { TOPIC_CODECS, Topic, type InferenceLog } from '@flywheel/contracts';
import { type EventProducer, type EventTopic, defineTopic } from '@flywheel/kafka';
import { type InferenceRecord, toInferenceLogs } from './inference-log-entry';

export function inferenceLogsTopic(name: string): EventTopic<InferenceLog> {
  return defineTopic(name, TOPIC_CODECS[Topic.InferenceLogs], (log) => log.modelName);
}

/** Sends a batch of buffered records as InferenceLog messages (keyed by model name). */
export function kafkaLogSender(producer: EventProducer, topic: EventTopic<InferenceLog>): (batch: InferenceRecord[]) => Promise<void> {
  return async (batch) => {
    await producer.sendMany(
      topic,
      batch.flatMap((record) => toInferenceLogs(record)).map((value) => ({ value })),
    );
  };
}

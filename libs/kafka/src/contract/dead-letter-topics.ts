import { dlqTopic } from '@flywheel/contracts';

/** `topics` followed by their dead-letter topics: what a deployment creates for its consumers. */
export function withDeadLetterTopics(topics: readonly string[]): string[] {
  return [...topics, ...topics.map(dlqTopic)];
}

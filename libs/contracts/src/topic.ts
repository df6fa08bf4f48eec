/**
 * Every Kafka topic of Flywheel. Names carry a version suffix: a breaking payload change gets a
 * new topic (`...v2`) rather than surprising existing consumers. Topics are created by deployment
 * config, never by producers at run time.
 */
export enum Topic {
  InferenceLogs = 'flywheel.inference.logs.v1',
  InferenceFeedback = 'flywheel.inference.feedback.v1',
  RegistryEvents = 'flywheel.registry.events.v1',
  MonitoringDrift = 'flywheel.monitoring.drift.v1',
  OrchestrationCommands = 'flywheel.orchestration.commands.v1',
  DeploymentEvents = 'flywheel.deployment.events.v1',
  TrackingRuns = 'flywheel.tracking.runs.v1',
}

/** All topics, in declaration order. */
export const ALL_TOPICS: readonly Topic[] = Object.freeze(Object.values(Topic));

const KNOWN_TOPICS: ReadonlySet<string> = new Set(ALL_TOPICS);

/** Whether `name` is one of Flywheel's topics (not a DLQ or foreign topic). */
export function isTopic(name: string): name is Topic {
  return KNOWN_TOPICS.has(name);
}

/** Suffix of dead-letter topics. */
export const DLQ_SUFFIX = '.dlq';

/**
 * The dead-letter topic for `topic`: poison messages go there with the reason in headers, keyed
 * as in the source topic.
 */
export function dlqTopic(topic: string): string {
  if (topic === '') throw new Error('dlqTopic: topic must not be empty');
  return `${topic}${DLQ_SUFFIX}`;
}

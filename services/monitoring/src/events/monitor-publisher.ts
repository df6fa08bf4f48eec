import { type DriftReport, type OrchestrationCommand, Topic } from '@flywheel/contracts';
import { type EventProducer, flywheelTopic } from '@flywheel/kafka';

/** Where monitoring's events go; both resolve once the broker has acknowledged. */
export interface MonitorPublisher {
  report(report: DriftReport): Promise<void>;
  command(command: OrchestrationCommand): Promise<void>;
}

const DRIFT = flywheelTopic(Topic.MonitoringDrift);
const COMMANDS = flywheelTopic(Topic.OrchestrationCommands);

/** DriftReports on flywheel.monitoring.drift.v1, commands on flywheel.orchestration.commands.v1, keyed by model. */
export function kafkaPublisher(producer: EventProducer): MonitorPublisher {
  return {
    report: (report) => producer.send(DRIFT, report),
    command: (command) => producer.send(COMMANDS, command),
  };
}

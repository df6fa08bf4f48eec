import { TOPIC_CODECS, Topic, type InferenceFeedback, type inferenceV2 } from '@flywheel/contracts';
import { type EventProducer, type EventTopic, defineTopic } from '@flywheel/kafka';
import { CHURN_FEATURES, churnProbability, gaussian, seededUniform } from './churn-data';
import type { GrpcClient } from './grpc-client';

export interface ChurnTrafficOptions {
  model: string;
  /** The serving gateway's GRPCInferenceService. */
  gateway: GrpcClient;
  /** Feedback (the observed churn label of every row) is produced here, to `feedbackTopic`. */
  producer: EventProducer;
  /** The run's feedback topic (`flywheel.inference.feedback.v1`'s schema and key), read by ingestion. */
  feedbackTopic: string;
  rowsPerRequest: number;
  /** Requests in flight at once; each sender waits `pauseMs` between its requests. */
  senders: number;
  pauseMs: number;
}

/** What the callers of the model saw, counted per served version. */
export interface TrafficTally {
  served: Record<string, number>;
  failures: number;
  lastError?: string;
}

/**
 * Customers scored by the churn model through the serving gateway (ModelInfer over gRPC), their
 * churn observed and sent back as feedback. `shift(features, by)` moves those features' means,
 * as when the customer base changes; labels keep following the same true process.
 */
export class ChurnTraffic {
  readonly tally: TrafficTally = { served: {}, failures: 0 };
  private readonly shifts = new Map<number, number>();
  private readonly next = gaussian(7);
  private readonly uniform = seededUniform(8);
  private readonly feedback: EventTopic<InferenceFeedback>;
  private requests = 0;
  /** Bumped by resetTally: the version of a request started before it is not counted. */
  private tallyEpoch = 0;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: ChurnTrafficOptions) {
    this.feedback = defineTopic(
      options.feedbackTopic,
      TOPIC_CODECS[Topic.InferenceFeedback],
      (feedback) => feedback.requestId,
    );
  }

  start(): void {
    this.running = Promise.all(Array.from({ length: this.options.senders }, () => this.sender())).then(
      () => undefined,
    );
  }

  shift(features: readonly string[], by: number): void {
    for (const feature of features) this.shifts.set(CHURN_FEATURES.indexOf(feature as never), by);
  }

  /** Starts counting served versions afresh, of the requests sent from now on. */
  resetTally(): void {
    this.tallyEpoch++;
    this.tally.served = {};
    this.tally.failures = 0;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    await this.options.producer.flush();
  }

  private async sender(): Promise<void> {
    while (!this.stopping) {
      await this.sendOne();
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs));
    }
  }

  private async sendOne(): Promise<void> {
    const { model, gateway, rowsPerRequest } = this.options;
    const requestId = `${model}-${this.requests++}`;
    const epoch = this.tallyEpoch;
    const rows = Array.from({ length: rowsPerRequest }, () =>
      CHURN_FEATURES.map((_, i) => this.next() + (this.shifts.get(i) ?? 0)),
    );
    try {
      const response = await gateway.call<inferenceV2.ModelInferResponse>('modelInfer', {
        id: requestId,
        modelName: model,
        inputs: [
          {
            name: 'features',
            datatype: 'FP32',
            shape: [rows.length, CHURN_FEATURES.length],
            contents: { fp32Contents: rows.flat() },
          },
        ],
      });
      // A request routed before the reset (the previous traffic policy) may answer after it.
      if (epoch === this.tallyEpoch)
        this.tally.served[response.modelVersion] = (this.tally.served[response.modelVersion] ?? 0) + 1;
    } catch (error) {
      this.tally.failures++;
      this.tally.lastError = (error as Error).message;
      return;
    }
    const observedAtMs = Date.now();
    await this.options.producer.sendMany(
      this.feedback,
      rows.map((row, index) => {
        const churned = this.uniform() < churnProbability(row);
        return {
          value: {
            requestId: index === 0 ? requestId : `${requestId}:${index}`,
            modelName: model,
            label: churned ? '1' : '0',
            value: churned ? 1 : 0,
            timestampMs: observedAtMs,
          },
        };
      }),
    );
  }
}

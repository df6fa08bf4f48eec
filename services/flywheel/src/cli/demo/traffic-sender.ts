import { randomUUID } from 'node:crypto';
import { CustomerStream, FEATURE_NAMES, type Population } from './churn-world';

const ROWS_PER_REQUEST = 40;
const REQUEST_INTERVAL_MS = 200;

interface InferResponse {
  model_version?: string;
  outputs?: { data?: number[] }[];
  error?: string;
}

/**
 * Sends customers to the gateway's OIP REST API (a request of 40 rows every 200 ms) and reports
 * each one's real outcome right after through `POST /v2/models/{model}/feedback`, as a CRM
 * would once it knows who churned. Counts the versions that answered, for the narration.
 */
export class TrafficSender {
  population: Population = 'steady';
  /** Rows answered per model version since the last `takeServed()`. */
  private served = new Map<number, number>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly customers = new CustomerStream(7);

  constructor(
    private readonly gatewayUrl: string,
    private readonly model: string,
    private readonly headers: Record<string, string>,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Rows answered per version since the previous call. */
  takeServed(): Map<number, number> {
    const served = this.served;
    this.served = new Map();
    return served;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      try {
        await this.sendOnce();
      } catch {
        // Sent again next round; a step that depends on answers times out with its own message.
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, REQUEST_INTERVAL_MS - (Date.now() - started))),
      );
    }
  }

  private async sendOnce(): Promise<void> {
    const customers = Array.from({ length: ROWS_PER_REQUEST }, () => this.customers.next(this.population));
    const id = randomUUID();
    const answer = (await this.post(`/v2/models/${this.model}/infer`, {
      id,
      inputs: [
        {
          name: 'features',
          datatype: 'FP32',
          shape: [customers.length, FEATURE_NAMES.length],
          data: customers.flatMap((c) => c.features),
        },
      ],
    })) as InferResponse;
    const version = Number(answer.model_version);
    this.served.set(version, (this.served.get(version) ?? 0) + customers.length);
    // The gateway logs row 0 under the request id and row i under `<id>:<i>`.
    await this.post(`/v2/models/${this.model}/feedback`, {
      feedback: customers.map((customer, row) => ({
        request_id: row === 0 ? id : `${id}:${row}`,
        label: 'churned',
        value: customer.churned ? 1 : 0,
      })),
    });
  }

  private async post(path: string, body: object): Promise<unknown> {
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { error?: string };
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${answer.error ?? ''}`.trim());
    return answer;
  }
}

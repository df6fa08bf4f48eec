import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One HTTP answer with its decoded JSON body and how long the round trip took. */
export interface JsonResponse {
  status: number;
  body: unknown;
  ms: number;
}

/**
 * A minimal keep-alive JSON client over node:http: the load generator shares two cores with the
 * servers under test, so it must cost as little CPU per request as possible (and the same for
 * both servers). At most `maxSockets` connections, each reused across requests.
 */
export class JsonClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: URL,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(path: string, payload: unknown): Promise<JsonResponse> {
    return this.send('POST', path, JSON.stringify(payload));
  }

  get(path: string, query: Record<string, string>): Promise<JsonResponse> {
    return this.send('GET', `${path}?${new URLSearchParams(query).toString()}`, undefined);
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body: string | undefined): Promise<JsonResponse> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.baseUrl.hostname,
          port: this.baseUrl.port,
          method,
          path,
          headers:
            body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: parseJson(text), ms: performance.now() - started });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** Throws with the server's answer unless the status is 2xx. */
export function expectOk(response: JsonResponse, what: string): Record<string, unknown> {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  return (response.body ?? {}) as Record<string, unknown>;
}

import type { Loose } from './grpc-client';

/** The answer of one MLflow REST call: status and parsed JSON body. */
export interface MlflowAnswer<T = Record<string, Loose>> {
  status: number;
  body: T;
}

/** Calls the MLflow REST API the way the `mlflow` client does: JSON POST bodies, GET query strings. */
export class MlflowRestClient {
  constructor(private readonly baseUrl: string) {}

  post<T = Record<string, Loose>>(path: string, body: unknown): Promise<MlflowAnswer<T>> {
    return this.send<T>('POST', path, body);
  }

  /** A request with a JSON body (POST, PATCH, DELETE), as the client sends them. */
  async send<T = Record<string, Loose>>(
    method: string,
    path: string,
    body: unknown,
  ): Promise<MlflowAnswer<T>> {
    const response = await fetch(`${this.baseUrl}/api/2.0/mlflow/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async get<T = Record<string, Loose>>(
    path: string,
    query: Record<string, string | string[]>,
  ): Promise<MlflowAnswer<T>> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
    }
    const response = await fetch(`${this.baseUrl}/api/2.0/mlflow/${path}?${params.toString()}`);
    return { status: response.status, body: (await response.json()) as T };
  }
}

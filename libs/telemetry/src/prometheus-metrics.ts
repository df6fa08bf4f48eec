import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';

/** The Content-Type of the Prometheus text exposition format served on `/metrics`. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * A Prometheus pull reader that never opens its own port: the process's admin server serves
 * `render()` on `/metrics`, so one port carries health, readiness and metrics.
 */
export class PrometheusMetrics {
  readonly reader = new PrometheusExporter({ preventServerStart: true });
  private readonly serializer = new PrometheusSerializer();

  /** Current values of every instrument in the Prometheus text format. */
  async render(): Promise<string> {
    const { resourceMetrics, errors } = await this.reader.collect();
    const warnings = errors.map((error) => `# collection error: ${String(error).replace(/\n/g, ' ')}\n`);
    return warnings.join('') + this.serializer.serialize(resourceMetrics);
  }
}

import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Meter } from '@opentelemetry/api';

const NANOS_PER_SECOND = 1e9;

/**
 * The Node runtime basics every dashboard starts from: CPU time, memory, heap, event-loop
 * delay (since the previous scrape) and uptime. Names follow the OpenTelemetry semantic
 * conventions; Prometheus sees dots as underscores.
 * @returns a function that stops the event-loop sampling.
 */
export function registerRuntimeMetrics(meter: Meter): () => void {
  meter
    .createObservableCounter('process.cpu.time', { unit: 's', description: 'CPU time used by the process' })
    .addCallback((result) => {
      const usage = process.cpuUsage();
      result.observe(usage.user / 1e6, { 'cpu.mode': 'user' });
      result.observe(usage.system / 1e6, { 'cpu.mode': 'system' });
    });

  meter
    .createObservableGauge('process.memory.usage', { unit: 'By', description: 'Resident set size' })
    .addCallback((result) => result.observe(process.memoryUsage.rss()));

  meter
    .createObservableGauge('v8js.memory.heap.used', { unit: 'By', description: 'V8 heap in use' })
    .addCallback((result) => {
      const { heapUsed, heapTotal } = process.memoryUsage();
      result.observe(heapUsed, { 'v8js.heap.state': 'used' });
      result.observe(heapTotal, { 'v8js.heap.state': 'total' });
    });

  meter
    .createObservableGauge('process.uptime', { unit: 's', description: 'Seconds since the process started' })
    .addCallback((result) => result.observe(process.uptime()));

  return registerEventLoopDelay(meter);
}

function registerEventLoopDelay(meter: Meter): () => void {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  const statistics = {
    p50: () => histogram.percentile(50),
    p99: () => histogram.percentile(99),
    max: () => histogram.max,
  };
  const gauges = Object.entries(statistics).map(([name, read]) => ({
    read,
    gauge: meter.createObservableGauge(`nodejs.eventloop.delay.${name}`, {
      unit: 's',
      description: `Event-loop delay ${name} since the previous collection`,
    }),
  }));
  meter.addBatchObservableCallback(
    (result) => {
      for (const { gauge, read } of gauges) result.observe(gauge, read() / NANOS_PER_SECOND);
      histogram.reset();
    },
    gauges.map(({ gauge }) => gauge),
  );
  return () => histogram.disable();
}

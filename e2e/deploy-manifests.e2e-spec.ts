import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadPlatformConfig, SERVICE_NAMES, type ServiceName } from '@flywheel/config';
import { schemaProblems, type KubernetesObject } from './support/kubernetes-schema';

// deploy/k8s rendered by the real kustomize (built by scripts/stack/kustomize.sh) and every
// object checked against the Kubernetes API schema, plus the wiring a schema cannot see:
// one Deployment per service on the platform's own ports, probes on the admin port,
// Services that select real pods, autoscalers that target real Deployments.

const REPO_ROOT = join(__dirname, '..');
const KUSTOMIZE = process.env['FLYWHEEL_TEST_KUSTOMIZE'] ?? join(REPO_ROOT, '.cache/bin/kustomize');
const PORTS = loadPlatformConfig({}).ports;

interface Container {
  args: string[];
  ports: Array<{ name: string; containerPort: number }>;
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  resources?: { requests?: Record<string, string> };
  envFrom: Array<Record<string, { name: string } | undefined>>;
}
interface DeploymentSpec {
  template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
}

function render(overlay: string): KubernetesObject[] {
  const yaml = execFileSync(KUSTOMIZE, ['build', join(REPO_ROOT, 'deploy/k8s', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((document) => document.toJSON() as KubernetesObject);
}

function expectedPorts(service: ServiceName): number[] {
  const ports = PORTS[service] as { grpc: number; http?: number };
  return [ports.grpc, ...(ports.http === undefined ? [] : [ports.http]), 9464].sort();
}

describe.each(['base', 'overlays/production'])('deploy/k8s/%s rendered by kustomize', (overlay) => {
  const objects = render(overlay);
  const byKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const deployments = new Map(byKind('Deployment').map((d) => [d.metadata.name, d.spec as DeploymentSpec]));

  it('renders only objects that are valid against the Kubernetes schema', () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('runs every service as its own Deployment with its own target', () => {
    expect([...deployments.keys()].sort()).toEqual([...SERVICE_NAMES].sort());
    for (const [name, spec] of deployments) {
      expect(spec.template.spec.containers[0]?.args).toEqual(['start', `--target=${name}`]);
    }
  });

  it("exposes each service's default ports and probes its admin port", () => {
    for (const [name, spec] of deployments) {
      const container = spec.template.spec.containers[0] as Container;
      expect(container.ports.map((port) => port.containerPort).sort()).toEqual(expectedPorts(name as ServiceName));
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'admin' });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'admin' });
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });

  it('gives every Service a selector that matches pods of a Deployment', () => {
    for (const service of byKind('Service')) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const matches = [...deployments.values()].filter((spec) =>
        Object.entries(selector).every(([key, value]) => spec.template.metadata.labels[key] === value),
      );
      expect({ service: service.metadata.name, matches: matches.length }).toEqual({
        service: service.metadata.name,
        matches: 1,
      });
    }
  });

  it('autoscales the serving gateway and ingestion, each targeting its Deployment', () => {
    const targets = byKind('HorizontalPodAutoscaler').map(
      (hpa) => (hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef,
    );
    expect(targets.map((target) => target.name).sort()).toEqual(['ingestion', 'serving-gateway']);
    for (const target of targets) {
      expect(target.kind).toBe('Deployment');
      expect(deployments.has(target.name)).toBe(true);
    }
  });

  it('loads configuration and secrets into every pod from the generated ConfigMap and the operator Secret', () => {
    const configMaps = byKind('ConfigMap').map((configMap) => configMap.metadata.name);
    for (const [, spec] of deployments) {
      const envFrom = (spec.template.spec.containers[0] as Container).envFrom;
      expect(configMaps).toContain(envFrom[0]?.['configMapRef']?.name);
      expect(envFrom[1]?.['secretRef']?.name).toBe('flywheel-secrets');
    }
  });
});

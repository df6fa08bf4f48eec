import { Namespace, ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';

/** A rendered manifest: any Kubernetes object. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
}

type Model = new (data: never) => { validate(): void };

// The kinds deploy/k8s may render, each checked against the Kubernetes OpenAPI schema that
// kubernetes-models ships. A kind missing here fails the check until it is added.
const MODELS: Record<string, Model> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** Schema problems of `object`, empty when it is a valid Kubernetes object of a known kind. */
export function schemaProblems(object: KubernetesObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const model = MODELS[key];
  if (!model) return [`${key} ${object.metadata.name}: no schema registered for this kind`];
  try {
    new model(object as never).validate();
    return [];
  } catch (error) {
    return [`${key} ${object.metadata.name}: ${(error as Error).message}`];
  }
}

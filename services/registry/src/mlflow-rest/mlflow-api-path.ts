// The MLflow prefixes this port serves (MLFLOW_PREFIXES), matched at a `/` boundary: requests to
// no route under them get MLflow's ENDPOINT_NOT_FOUND (answerUnknownMlflowRoutes).
export const MLFLOW_API_PATH = /^\/api\/2\.0\/(?:preview\/)?mlflow(?:\/|$)/;

// MLflow's REST prefixes served on this port: the API, its `preview` alias, the artifact proxy
// and the UI's `ajax-api` mirror. Requests to no route under them get MLflow's
// ENDPOINT_NOT_FOUND (answerUnknownMlflowRoutes).
export const MLFLOW_API_PATH = /^\/(?:api\/2\.0\/(?:preview\/)?mlflow(?:-artifacts)?|ajax-api)(?:\/|$)/;

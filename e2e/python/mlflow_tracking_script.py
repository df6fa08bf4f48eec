"""A training script as a data scientist writes it, run with the unchanged `mlflow` client
against MLFLOW_TRACKING_URI, asserting what MLflow's own tracking server answers.

Logs a parent run with a nested child and two sibling runs (params, stepped metrics, tags, a
dataset input, a binary artifact and a dict), then reads everything back: run search with a
filter, order and page token, metric history, artifact listing and a byte-identical download.
Then bad input: unknown experiment, changed param, malformed filter, a 1001-metric batch.

Exit 0 with a one-line JSON summary on stdout; exit 1 listing every failed check on stderr.
Usage: MLFLOW_TRACKING_URI=http://127.0.0.1:5000 python mlflow_tracking_script.py
"""

import os
import sys
import time
import uuid
from pathlib import Path

sys.dont_write_bytecode = True  # checks.py lives in the repository: leave no __pycache__ there
# checks sets the client's retry policy before mlflow is imported
from checks import Checks, scratch_dir, tracking_uri_from_env

sys.dont_write_bytecode = False

import mlflow
import pandas as pd
from mlflow import MlflowClient
from mlflow.entities import Metric

checks = Checks("mlflow_tracking_script")
mlflow.set_tracking_uri(tracking_uri_from_env())
client = MlflowClient()
work_dir = scratch_dir("mlflow-e2e-")
suffix = uuid.uuid4().hex[:10]
experiment_name = f"e2e-tracking-{suffix}"

# Final rmse per run decides the search result: xgb runs below 0.5, ordered by rmse.
PARENT_RMSE_STEPS = [0.9, 0.7, 0.55, 0.45, 0.4]
CHILD_RMSE = 0.35
ARTIFACT_BYTES = os.urandom(256 * 1024 + 17)
CONFIG = {"features": ["age", "income"], "objective": "reg:squarederror", "seed": 7}
ids: dict[str, str] = {}


def log_sibling(name: str, model: str, rmse: float) -> str:
    with mlflow.start_run(run_name=name) as run:
        mlflow.log_params({"model": model, "max_depth": 4})
        mlflow.log_metric("rmse", rmse, step=0)
        mlflow.set_tag("team", "risk")
        return run.info.run_id


with checks.step("set_experiment creates the experiment and makes it active"):
    experiment = mlflow.set_experiment(experiment_name)
    ids["experiment"] = experiment.experiment_id
    checks.equal(experiment.name, experiment_name, "experiment name")
    checks.equal(experiment.lifecycle_stage, "active", "experiment lifecycle_stage")
    by_name = client.get_experiment_by_name(experiment_name)
    checks.require(by_name is not None, "get_experiment_by_name finds the new experiment")
    checks.equal(by_name.experiment_id, experiment.experiment_id, "experiment id by name")
    checks.equal(mlflow.set_experiment(experiment_name).experiment_id, experiment.experiment_id,
                 "set_experiment of an existing name returns the same experiment")

with checks.step("parent run with a nested child logs params, stepped metrics, tags, input, artifacts"):
    blob = work_dir / "weights.bin"
    blob.write_bytes(ARTIFACT_BYTES)
    frame = pd.DataFrame({"age": [31.0, 45.0, 27.0], "income": [52.0, 71.5, 38.2], "label": [0.2, 0.7, 0.1]})
    dataset = mlflow.data.from_pandas(frame, source="s3://datasets/credit.parquet", name="credit", targets="label")
    with mlflow.start_run(run_name="train-xgb") as parent:
        ids["parent"] = parent.info.run_id
        checks.equal(parent.info.status, "RUNNING", "a started run is RUNNING")
        mlflow.log_params({"model": "xgb", "max_depth": 6, "subsample": 0.8})
        mlflow.log_param("learning_rate", 0.1)
        mlflow.set_tag("team", "risk")
        mlflow.set_tags({"stage": "experiment", "owner": "e2e"})
        mlflow.log_input(dataset, context="training")
        for step, rmse in enumerate(PARENT_RMSE_STEPS):
            mlflow.log_metric("rmse", rmse, step=step)
            mlflow.log_metrics({"mae": rmse * 0.8, "r2": 1 - rmse}, step=step)
        with mlflow.start_run(run_name="fold-0", nested=True) as child:
            ids["child"] = child.info.run_id
            mlflow.log_param("model", "xgb")
            mlflow.log_metric("rmse", CHILD_RMSE, step=0)
            mlflow.set_tag("team", "risk")
        mlflow.log_artifact(str(blob), artifact_path="data")
        mlflow.log_dict(CONFIG, "config/train.json")
    ids["lgbm"] = log_sibling("train-lgbm", "lgbm", 0.3)
    ids["xgb_bad"] = log_sibling("train-xgb-shallow", "xgb", 0.6)

with checks.step("get_run returns what was logged, finished"):
    run = client.get_run(ids["parent"])
    checks.equal(run.info.status, "FINISHED", "status after the with-block")
    checks.true(run.info.end_time is not None and run.info.end_time >= run.info.start_time,
                f"end_time >= start_time (got {run.info.start_time}..{run.info.end_time})")
    checks.equal(run.info.run_name, "train-xgb", "run_name")
    checks.equal(run.info.experiment_id, ids["experiment"], "experiment_id")
    checks.equal(run.data.params,
                 {"model": "xgb", "max_depth": "6", "subsample": "0.8", "learning_rate": "0.1"},
                 "params")
    checks.equal(run.data.metrics,
                 {"rmse": 0.4, "mae": PARENT_RMSE_STEPS[-1] * 0.8, "r2": 1 - PARENT_RMSE_STEPS[-1]},
                 "latest metrics")
    user_tags = {k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.")}
    checks.equal(user_tags, {"team": "risk", "stage": "experiment", "owner": "e2e"}, "user tags")
    checks.equal(run.data.tags.get("mlflow.runName"), "train-xgb", "mlflow.runName tag")
    checks.require(run.inputs is not None, "run.inputs present")
    inputs = run.inputs.dataset_inputs
    checks.equal(len(inputs), 1, "number of dataset inputs")
    if inputs:
        checks.equal(inputs[0].dataset.name, "credit", "dataset name")
        checks.equal(inputs[0].dataset.digest, dataset.digest, "dataset digest")
        checks.equal(inputs[0].dataset.source_type, "s3", "dataset source type")
        checks.equal({t.key: t.value for t in inputs[0].tags}.get("mlflow.data.context"), "training",
                     "dataset context tag")

with checks.step("nested child records its parent"):
    child_run = client.get_run(ids["child"])
    checks.equal(child_run.data.tags.get("mlflow.parentRunId"), ids["parent"], "mlflow.parentRunId")
    children = client.search_runs([ids["experiment"]], f"tags.mlflow.parentRunId = '{ids['parent']}'")
    checks.equal([r.info.run_id for r in children], [ids["child"]], "search by parent run id")

with checks.step("search_runs with a filter and order_by"):
    found = client.search_runs(
        [ids["experiment"]],
        filter_string="metrics.rmse < 0.5 and params.model = 'xgb' and tags.team = 'risk' "
                      "and attributes.status = 'FINISHED'",
        order_by=["metrics.rmse ASC"],
    )
    checks.equal([r.info.run_id for r in found], [ids["child"], ids["parent"]],
                 "xgb runs with rmse < 0.5, best first (child 0.35, parent 0.4)")
    descending = client.search_runs([ids["experiment"]], order_by=["metrics.rmse DESC"])
    checks.equal([r.info.run_id for r in descending],
                 [ids["xgb_bad"], ids["parent"], ids["child"], ids["lgbm"]],
                 "all four runs by rmse descending (0.6, 0.4, 0.35, 0.3)")
    by_name = client.search_runs([ids["experiment"]], "attributes.run_name LIKE 'train-%'",
                                 order_by=["attributes.run_name ASC"])
    checks.equal([r.info.run_name for r in by_name], ["train-lgbm", "train-xgb", "train-xgb-shallow"],
                 "LIKE on run_name, ordered by name")

with checks.step("search_runs pages with max_results and page_token"):
    first = client.search_runs([ids["experiment"]], order_by=["metrics.rmse ASC"], max_results=3)
    checks.equal(len(first), 3, "first page size")
    checks.require(bool(first.token), "first page has a next-page token")
    second = client.search_runs([ids["experiment"]], order_by=["metrics.rmse ASC"], max_results=3,
                                page_token=first.token)
    checks.equal([r.info.run_id for r in list(first) + list(second)],
                 [ids["lgbm"], ids["child"], ids["parent"], ids["xgb_bad"]], "both pages in order")
    checks.true(not second.token, f"last page has no token (got {second.token!r})")

with checks.step("get_metric_history returns every step"):
    history = client.get_metric_history(ids["parent"], "rmse")
    checks.equal(sorted((m.step, m.value) for m in history), list(enumerate(PARENT_RMSE_STEPS)),
                 "rmse history (step, value)")
    checks.true(all(isinstance(m.timestamp, int) and m.timestamp > 0 for m in history),
                "every history entry has a millisecond timestamp")

with checks.step("list_artifacts at the top level and in a folder"):
    top = {a.path: a.is_dir for a in client.list_artifacts(ids["parent"])}
    checks.equal(top, {"config": True, "data": True}, "top-level artifact listing")
    data = client.list_artifacts(ids["parent"], "data")
    checks.equal([(a.path, a.is_dir, a.file_size) for a in data],
                 [("data/weights.bin", False, len(ARTIFACT_BYTES))], "data/ listing")

with checks.step("download_artifacts gives back the file byte-identical"):
    local = mlflow.artifacts.download_artifacts(run_id=ids["parent"], artifact_path="data/weights.bin",
                                                dst_path=str(work_dir / "download"))
    checks.true(Path(local).read_bytes() == ARTIFACT_BYTES,
                f"downloaded data/weights.bin is byte-identical ({Path(local).stat().st_size} bytes)")

with checks.step("a folder downloads whole and log_dict round-trips"):
    folder = client.download_artifacts(ids["parent"], "config", str(work_dir / "download-client"))
    checks.equal(sorted(p.name for p in Path(folder).iterdir()), ["train.json"], "downloaded config/")
    artifact_uri = client.get_run(ids["parent"]).info.artifact_uri
    checks.equal(mlflow.artifacts.load_dict(f"{artifact_uri}/config/train.json"), CONFIG, "log_dict round trip")

with checks.step("bad input: unknown experiment"):
    missing = "987654321"
    checks.mlflow_error(lambda: client.get_experiment(missing), "RESOURCE_DOES_NOT_EXIST",
                        "get_experiment of an unknown id", missing)
    checks.mlflow_error(lambda: client.create_run(missing), "RESOURCE_DOES_NOT_EXIST",
                        "create_run in an unknown experiment", missing)

with checks.step("bad input: duplicate param with a different value"):
    checks.mlflow_error(lambda: client.log_param(ids["parent"], "learning_rate", 0.2),
                        "INVALID_PARAMETER_VALUE", "changing a logged param", "learning_rate")
    client.log_param(ids["parent"], "learning_rate", 0.1)  # the same value again is accepted
    checks.equal(client.get_run(ids["parent"]).data.params["learning_rate"], "0.1",
                 "param keeps its first value")

with checks.step("bad input: malformed filter"):
    checks.mlflow_error(
        lambda: client.search_runs([ids["experiment"]], "metrics.rmse <"),
        "INVALID_PARAMETER_VALUE", "filter missing its value")
    checks.mlflow_error(
        lambda: client.search_runs([ids["experiment"]], "params.model = 'xgb' andd metrics.rmse < 1"),
        "INVALID_PARAMETER_VALUE", "filter with a misspelt keyword")

with checks.step("bad input: a batch of 1001 metrics is rejected whole"):
    target = client.create_run(ids["experiment"], run_name="oversized-batch").info.run_id
    now = int(time.time() * 1000)
    metrics = [Metric(f"m{i}", float(i), now, 0) for i in range(1001)]
    # MlflowClient.log_batch splits large batches client-side; the REST store sends one request.
    store = client._tracking_client.store
    checks.mlflow_error(lambda: store.log_batch(target, metrics=metrics, params=[], tags=[]),
                        "INVALID_PARAMETER_VALUE", "log-batch with 1001 metrics", "1000")
    checks.equal(client.get_run(target).data.metrics, {}, "nothing of the rejected batch was written")
    client.set_terminated(target)

checks.finish({
    "experiment_id": ids.get("experiment"),
    "parent_run_id": ids.get("parent"),
    "child_run_id": ids.get("child"),
    "artifact_bytes": len(ARTIFACT_BYTES),
})

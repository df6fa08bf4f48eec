"""Model registration as a data scientist does it, run with the unchanged `mlflow` client
against MLFLOW_TRACKING_URI (which also serves the model registry), asserting what MLflow's
own server answers.

Logs a run holding a pyfunc model (saved locally, uploaded with log_artifacts), registers it
twice (versions 1 and 2), tags and describes versions, sets and reads aliases, loads and runs
the model through `models:/<name>@champion`, transitions stages with archiving, and searches
versions and models with filters. Then bad input: unknown model, duplicate name, alias to a
missing version, invalid name.

Exit 0 with a one-line JSON summary on stdout; exit 1 listing every failed check on stderr.
Usage: MLFLOW_TRACKING_URI=http://127.0.0.1:5000 python mlflow_registry_script.py
"""

import sys
import uuid
import warnings

sys.dont_write_bytecode = True  # checks.py lives in the repository: leave no __pycache__ there
# checks sets the client's retry policy before mlflow is imported
from checks import Checks, scratch_dir, tracking_uri_from_env

sys.dont_write_bytecode = False

import mlflow
import pandas as pd
from mlflow import MlflowClient

# Stages are deprecated in MLflow 3 in favour of aliases, but 1.x-style clients still use them.
warnings.filterwarnings("ignore", category=FutureWarning)

checks = Checks("mlflow_registry_script")
mlflow.set_tracking_uri(tracking_uri_from_env())
client = MlflowClient()
work_dir = scratch_dir("mlflow-registry-e2e-")
suffix = uuid.uuid4().hex[:10]
model_name = f"e2e-credit-{suffix}"
ids: dict[str, str] = {}


class AddOffset(mlflow.pyfunc.PythonModel):
    """The smallest real model: adds a fixed offset to every input value."""

    def __init__(self, offset: float):
        self.offset = offset

    def predict(self, context, model_input, params=None):
        return model_input + self.offset


def train_and_log(offset: float) -> str:
    """One training run whose `model/` artifact folder holds an MLmodel (a pyfunc model)."""
    path = work_dir / f"model-{offset}"
    # Pinned requirements: MLflow would otherwise infer them by loading the model in a subprocess.
    mlflow.pyfunc.save_model(str(path), python_model=AddOffset(offset), pip_requirements=["pandas"])
    with mlflow.start_run(run_name=f"train-offset-{offset}") as run:
        mlflow.log_param("offset", offset)
        mlflow.log_metric("rmse", 0.5 - offset / 10)
        mlflow.log_artifacts(str(path), artifact_path="model")
        return run.info.run_id


with checks.step("log two training runs with a pyfunc model artifact"):
    mlflow.set_experiment(f"e2e-registry-{suffix}")
    ids["run1"] = train_and_log(1.0)
    ids["run2"] = train_and_log(2.0)
    listed = [a.path for a in client.list_artifacts(ids["run1"], "model")]
    checks.require("model/MLmodel" in listed, f"run artifacts hold model/MLmodel (got {listed})")

with checks.step("register_model creates the model and versions 1 and 2"):
    v1 = mlflow.register_model(f"runs:/{ids['run1']}/model", model_name)
    checks.equal((v1.name, v1.version), (model_name, "1"), "first registration")
    checks.equal(v1.run_id, ids["run1"], "version 1 run_id")
    checks.equal(v1.status, "READY", "version 1 status")
    source_root = client.get_run(ids["run1"]).info.artifact_uri
    checks.equal(v1.source, f"{source_root}/model", "version 1 source is the run's model folder")
    v2 = mlflow.register_model(f"runs:/{ids['run2']}/model", model_name, tags={"framework": "pyfunc"})
    checks.equal(v2.version, "2", "second registration of the same name gets version 2")
    checks.equal(client.get_model_version(model_name, "2").tags, {"framework": "pyfunc"},
                 "tags given at registration")

with checks.step("model and version metadata: description and tags"):
    client.update_registered_model(model_name, description="credit risk regressor")
    client.set_registered_model_tag(model_name, "team", "risk")
    client.update_model_version(model_name, "1", description="baseline")
    client.set_model_version_tag(model_name, "1", "validated", "true")
    model = client.get_registered_model(model_name)
    checks.equal(model.description, "credit risk regressor", "registered model description")
    checks.equal(model.tags, {"team": "risk"}, "registered model tags")
    version = client.get_model_version(model_name, "1")
    checks.equal(version.description, "baseline", "version 1 description")
    checks.equal(version.tags, {"validated": "true"}, "version 1 tags")

with checks.step("aliases: set, read by alias, listed on the model, move, delete"):
    client.set_registered_model_alias(model_name, "champion", "1")
    client.set_registered_model_alias(model_name, "challenger", "2")
    by_alias = client.get_model_version_by_alias(model_name, "champion")
    checks.equal((by_alias.version, by_alias.run_id), ("1", ids["run1"]), "champion resolves to version 1")
    checks.equal(client.get_registered_model(model_name).aliases, {"champion": "1", "challenger": "2"},
                 "aliases on the registered model")
    checks.equal(client.get_model_version(model_name, "2").aliases, ["challenger"], "aliases on version 2")
    client.set_registered_model_alias(model_name, "champion", "2")  # promote: the alias moves
    checks.equal(client.get_model_version_by_alias(model_name, "champion").version, "2",
                 "champion moved to version 2")
    client.delete_registered_model_alias(model_name, "challenger")
    checks.equal(client.get_registered_model(model_name).aliases, {"champion": "2"},
                 "challenger deleted")

with checks.step("models:/<name>@champion loads and predicts"):
    model = mlflow.pyfunc.load_model(f"models:/{model_name}@champion")
    prediction = model.predict(pd.DataFrame({"x": [1.0, 2.5]}))
    checks.equal(prediction["x"].tolist(), [3.0, 4.5], "version 2 adds 2.0")

with checks.step("stage transitions archive existing versions on request"):
    staged = client.transition_model_version_stage(model_name, "1", "Production")
    checks.equal(staged.current_stage, "Production", "version 1 in Production")
    client.transition_model_version_stage(model_name, "2", "Staging")
    promoted = client.transition_model_version_stage(model_name, "2", "Production",
                                                     archive_existing_versions=True)
    checks.equal(promoted.current_stage, "Production", "version 2 in Production")
    checks.equal(client.get_model_version(model_name, "1").current_stage, "Archived",
                 "version 1 archived by archive_existing_versions")
    latest = client.get_latest_versions(model_name, stages=["Production"])
    checks.equal([v.version for v in latest], ["2"], "latest Production version")

with checks.step("search_model_versions and search_registered_models with filters"):
    versions = client.search_model_versions(f"name = '{model_name}'", order_by=["version_number DESC"])
    checks.equal([v.version for v in versions], ["2", "1"], "all versions of the model, newest first")
    by_run = client.search_model_versions(f"name = '{model_name}' and run_id = '{ids['run1']}'")
    checks.equal([v.version for v in by_run], ["1"], "versions produced by run 1")
    by_tag = client.search_model_versions(f"name = '{model_name}' and tags.validated = 'true'")
    checks.equal([v.version for v in by_tag], ["1"], "versions tagged validated")
    models = client.search_registered_models(filter_string=f"name LIKE 'e2e-credit-{suffix}%'")
    checks.equal([m.name for m in models], [model_name], "registered models by name prefix")

with checks.step("bad input: unknown model"):
    unknown = f"e2e-missing-{suffix}"
    checks.mlflow_error(lambda: client.get_registered_model(unknown), "RESOURCE_DOES_NOT_EXIST",
                        "get_registered_model of an unknown name", unknown)
    checks.mlflow_error(lambda: client.get_model_version(model_name, "99"), "RESOURCE_DOES_NOT_EXIST",
                        "get_model_version of a missing version", "99")
    checks.mlflow_error(lambda: client.get_model_version_by_alias(model_name, "nobody"),
                        "INVALID_PARAMETER_VALUE", "get_model_version_by_alias of an unset alias", "nobody")

with checks.step("bad input: duplicate name"):
    checks.mlflow_error(lambda: client.create_registered_model(model_name), "RESOURCE_ALREADY_EXISTS",
                        "create_registered_model of an existing name", model_name)

with checks.step("bad input: alias to a missing version"):
    checks.mlflow_error(lambda: client.set_registered_model_alias(model_name, "canary", "99"),
                        "RESOURCE_DOES_NOT_EXIST", "alias to version 99", "99")
    checks.equal(client.get_registered_model(model_name).aliases, {"champion": "2"},
                 "aliases unchanged after the rejected alias")

with checks.step("bad input: invalid name characters"):
    checks.mlflow_error(lambda: client.create_registered_model("team/credit"), "INVALID_PARAMETER_VALUE",
                        "a model name with '/'", "team/credit")
    checks.mlflow_error(lambda: client.create_registered_model("team:credit"), "INVALID_PARAMETER_VALUE",
                        "a model name with ':'", "team:credit")

checks.finish({
    "model_name": model_name,
    "versions": ["1", "2"],
    "champion": "2",
    "run_ids": [ids.get("run1"), ids.get("run2")],
})

"""MLflow 3 model logging as a data scientist does it, run with the unchanged `mlflow` client
against MLFLOW_TRACKING_URI (which also serves the model registry), asserting what MLflow's
own server answers.

Trains a scikit-learn regressor in a run and logs it with `mlflow.sklearn.log_model(...,
registered_model_name=...)`: a logged model (`models:/<model_id>`), its artifacts, the run's
output and version 1 of a registered model. Then reads the logged model back (params and
metrics copied from the run), searches it,
loads and runs it by `models:/<model_id>`, `models:/<name>/1` and `runs:/<run_id>/model`,
registers it again from `models:/<model_id>` (version 2) and `runs:/<run_id>/model` (version 3),
tags it, and checks error codes for
an unknown model and an invalid name.

Exit 0 with a one-line JSON summary on stdout; exit 1 listing every failed check on stderr.
Usage: MLFLOW_TRACKING_URI=http://127.0.0.1:5000 python mlflow_log_model_script.py
"""

import sys
import uuid

sys.dont_write_bytecode = True  # checks.py lives in the repository: leave no __pycache__ there
# checks sets the client's retry policy before mlflow is imported
from checks import Checks, tracking_uri_from_env

sys.dont_write_bytecode = False

import mlflow
import numpy as np
import pandas as pd
from mlflow import MlflowClient
from sklearn.linear_model import LinearRegression

checks = Checks("mlflow_log_model_script")
mlflow.set_tracking_uri(tracking_uri_from_env())
client = MlflowClient()
suffix = uuid.uuid4().hex[:10]
model_name = f"e2e-sklearn-{suffix}"
ids: dict[str, str] = {}

features = pd.DataFrame({"x1": [0.0, 1.0, 2.0, 3.0, 4.0], "x2": [1.0, 0.0, 1.0, 0.0, 1.0]})
target = 3.0 * features["x1"] - 2.0 * features["x2"] + 0.5
regressor = LinearRegression().fit(features, target)
probe = pd.DataFrame({"x1": [10.0, -1.0], "x2": [0.0, 1.0]})
expected = regressor.predict(probe).tolist()


def predictions_of(uri: str) -> list[float]:
    return np.asarray(mlflow.pyfunc.load_model(uri).predict(probe)).ravel().tolist()


def close(actual: list[float], wanted: list[float]) -> bool:
    return len(actual) == len(wanted) and all(abs(a - w) < 1e-9 for a, w in zip(actual, wanted))


with checks.step("log_model of a scikit-learn model in a run, registering it"):
    experiment = mlflow.set_experiment(f"e2e-log-model-{suffix}")
    ids["experiment"] = experiment.experiment_id
    with mlflow.start_run(run_name="train-linear") as run:
        ids["run"] = run.info.run_id
        mlflow.log_param("fit_intercept", True)
        mlflow.log_metric("r2", regressor.score(features, target))
        # Pinned requirements: MLflow would otherwise infer them by loading the model in a subprocess.
        info = mlflow.sklearn.log_model(
            regressor,
            name="model",
            registered_model_name=model_name,
            pip_requirements=["scikit-learn"],
        )
    ids["model"] = info.model_id
    checks.require(bool(info.model_id) and info.model_id.startswith("m-"), f"a logged model id (got {info.model_id!r})")
    checks.equal(info.model_uri, f"models:/{info.model_id}", "model_uri names the logged model")
    checks.equal(info.run_id, ids["run"], "the model info names the run")
    checks.equal(str(info.registered_model_version), "1", "log_model registered version 1")

with checks.step("the logged model: READY, named, linked to its run, params, metrics, artifacts"):
    model = client.get_logged_model(ids["model"])
    checks.equal(model.name, "model", "logged model name")
    checks.equal(model.status.to_proto(), mlflow.entities.LoggedModelStatus.READY.to_proto(), "status after log_model")
    checks.equal(model.source_run_id, ids["run"], "source_run_id")
    checks.equal(model.experiment_id, ids["experiment"], "experiment_id")
    checks.true(model.artifact_location.endswith(f"/models/{ids['model']}/artifacts"),
                f"artifacts under the experiment's models/<id>/artifacts (got {model.artifact_location})")
    checks.equal(model.params.get("fit_intercept"), "True", "the run's params are copied to the model")
    checks.equal([(m.key, m.run_id) for m in model.metrics or []], [("r2", ids["run"])],
                 "the run's metrics of the step are logged for the model")
    listed = [a.path for a in client.list_logged_model_artifacts(ids["model"])]
    checks.true("MLmodel" in listed, f"the model's artifacts hold MLmodel (got {listed})")

with checks.step("search_logged_models by name finds the model"):
    found = mlflow.search_logged_models(
        experiment_ids=[ids["experiment"]], filter_string="name = 'model'", output_format="list"
    )
    checks.equal([m.model_id for m in found], [ids["model"]], "the one model named 'model'")
    none = mlflow.search_logged_models(
        experiment_ids=[ids["experiment"]], filter_string="name = 'other'", output_format="list"
    )
    checks.equal(none, [], "no model named 'other'")

with checks.step("load_model by logged model id predicts as the trained model"):
    checks.true(close(predictions_of(f"models:/{ids['model']}"), expected), "models:/<model_id> predictions")

with checks.step("load_model by registered name and version predicts as the trained model"):
    version = client.get_model_version(model_name, "1")
    checks.equal(version.status, "READY", "version 1 status")
    checks.true(close(predictions_of(f"models:/{model_name}/1"), expected), "models:/<name>/1 predictions")

with checks.step("load_model by runs:/<run_id>/model resolves the run's logged model"):
    checks.true(close(predictions_of(f"runs:/{ids['run']}/model"), expected), "runs:/<run>/model predictions")

with checks.step("register_model from models:/<model_id> creates version 2"):
    v2 = mlflow.register_model(f"models:/{ids['model']}", model_name)
    checks.equal(v2.version, "2", "second registration of the logged model")
    checks.true(close(predictions_of(f"models:/{model_name}/2"), expected), "models:/<name>/2 predictions")

with checks.step("register_model from runs:/<run_id>/model resolves the run's logged model (version 3)"):
    v3 = mlflow.register_model(f"runs:/{ids['run']}/model", model_name)
    checks.equal(v3.version, "3", "registration through the run's model path")
    checks.true(close(predictions_of(f"models:/{model_name}/3"), expected), "models:/<name>/3 predictions")

with checks.step("set and delete logged model tags"):
    client.set_logged_model_tags(ids["model"], {"team": "risk", "stage": "candidate"})
    client.delete_logged_model_tag(ids["model"], "stage")
    tags = client.get_logged_model(ids["model"]).tags
    checks.equal((tags.get("team"), "stage" in tags), ("risk", False), "tags after set and delete")

with checks.step("bad input: unknown logged model, invalid model name"):
    checks.mlflow_error(lambda: client.get_logged_model("m-00000000000000000000000000000000"),
                        "RESOURCE_DOES_NOT_EXIST", "get_logged_model of an unknown id", "not found")
    checks.mlflow_error(lambda: client.create_logged_model(ids["experiment"], name="team/model"),
                        "INVALID_PARAMETER_VALUE", "a logged model name with '/'", "team/model")

checks.finish({
    "model_id": ids.get("model"),
    "run_id": ids.get("run"),
    "model_name": model_name,
    "versions": ["1", "2", "3"],
})

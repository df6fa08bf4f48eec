"""Example trainer for the churn model, run by the orchestration service's `process` executor.

Reads the labelled data window the `validate-data` step exported (CSV path in FLYWHEEL_DATA_FILE:
request_id, label, then one column per numeric feature), fits a scikit-learn LogisticRegression
on the rows outside the id-hash holdout, exports it with skl2onnx in the serving contract's shape
(one input `features` FP32 [None, n], one output `probability` FP32 [None, 1], metadata
`flywheel.feature_names`), logs params, holdout metrics and `model/model.onnx` to the tracking
service with the `mlflow` client (MLFLOW_TRACKING_URI, set by the orchestrator), and writes its
outputs (`run_id`, `model_uri`) as JSON to FLYWHEEL_OUTPUTS for later steps.

Environment: FLYWHEEL_DATA_FILE, MLFLOW_TRACKING_URI, FLYWHEEL_OUTPUTS (required);
FLYWHEEL_EXPERIMENT (default "churn"), FLYWHEEL_C (inverse L2 strength, default 1.0).
"""

import json
import os
import sys
import tempfile
import zlib

import mlflow
import numpy as np
import onnx
import pandas as pd
from onnx import helper
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

HOLDOUT_PER_MILLE = 200


def required_env(name):
    value = os.environ.get(name, "")
    if not value:
        sys.exit(f"train.py: {name} must be set")
    return value


def is_holdout(request_id):
    # A stable split by request id, so reruns hold out the same rows.
    return zlib.crc32(request_id.encode("utf-8")) % 1000 < HOLDOUT_PER_MILLE


def to_serving_onnx(model, feature_names):
    """skl2onnx's graph, narrowed to the serving contract: P(class 1) as `probability` [N, 1]."""
    converted = convert_sklearn(
        model,
        initial_types=[("features", FloatTensorType([None, len(feature_names)]))],
        options={id(model): {"zipmap": False}},
        target_opset=13,
    )
    graph = converted.graph
    probabilities = next(output.name for output in graph.output if output.name != "label")
    graph.initializer.extend(
        [
            helper.make_tensor("flywheel_positive_start", onnx.TensorProto.INT64, [1], [1]),
            helper.make_tensor("flywheel_positive_end", onnx.TensorProto.INT64, [1], [2]),
            helper.make_tensor("flywheel_class_axis", onnx.TensorProto.INT64, [1], [1]),
        ]
    )
    graph.node.append(
        helper.make_node(
            "Slice",
            [probabilities, "flywheel_positive_start", "flywheel_positive_end", "flywheel_class_axis"],
            ["probability"],
            name="flywheel_positive_class",
        )
    )
    del graph.output[:]
    graph.output.append(helper.make_tensor_value_info("probability", onnx.TensorProto.FLOAT, [None, 1]))
    helper.set_model_props(converted, {"flywheel.feature_names": json.dumps(feature_names)})
    onnx.checker.check_model(converted)
    return converted


def main():
    data_file = required_env("FLYWHEEL_DATA_FILE")
    required_env("MLFLOW_TRACKING_URI")
    outputs_file = required_env("FLYWHEEL_OUTPUTS")
    experiment = os.environ.get("FLYWHEEL_EXPERIMENT", "churn")
    c = float(os.environ.get("FLYWHEEL_C", "1.0"))

    frame = pd.read_csv(data_file)
    feature_names = [column for column in frame.columns if column not in ("request_id", "label")]
    if not feature_names or len(frame) < 20:
        sys.exit(f"train.py: {data_file} has {len(frame)} rows and features {feature_names}; need 20 rows and a feature")
    holdout = frame["request_id"].astype(str).map(is_holdout)
    x = frame[feature_names].to_numpy(dtype=np.float32)
    y = (frame["label"].to_numpy() >= 0.5).astype(int)
    model = LogisticRegression(C=c, max_iter=1000).fit(x[~holdout], y[~holdout])
    scored = holdout if holdout.any() else ~holdout
    p = model.predict_proba(x[scored])[:, 1]
    metrics = {
        "auc_roc": float(roc_auc_score(y[scored], p)) if len(set(y[scored])) == 2 else float("nan"),
        "accuracy": float(accuracy_score(y[scored], p >= 0.5)),
        "log_loss": float(log_loss(y[scored], p, labels=[0, 1])),
    }

    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=f"{os.environ.get('FLYWHEEL_RUN_ID', 'manual')}/python") as run:
        mlflow.set_tag("flywheel.trainer", "python-sklearn")
        mlflow.log_params({"C": c, "features": json.dumps(feature_names), "training_rows": int((~holdout).sum())})
        mlflow.log_metrics(metrics)
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "model.onnx")
            onnx.save(to_serving_onnx(model, feature_names), path)
            mlflow.log_artifact(path, artifact_path="model")
        model_uri = f"{run.info.artifact_uri.rstrip('/')}/model"

    with open(outputs_file, "w", encoding="utf-8") as handle:
        json.dump({"run_id": run.info.run_id, "model_uri": model_uri, "metrics": metrics}, handle)
    print(f"run {run.info.run_id}: {json.dumps(metrics)}; model {model_uri}/model.onnx")


if __name__ == "__main__":
    main()

"""Evidently's DataDriftPreset on the rows bench:drift exported, timing only the drift computation.

Usage: evidently_drift.py <reference.parquet> <current.parquet> <numeric columns,> <categorical columns,>
Prints `evidently_s=<seconds> drifted=<share>` on stdout.
"""
import sys
import time

import pandas as pd
from evidently import DataDefinition, Dataset, Report
from evidently.presets import DataDriftPreset


def main() -> None:
    reference_path, current_path, numeric, categorical = sys.argv[1:5]
    definition = DataDefinition(numerical_columns=numeric.split(","), categorical_columns=categorical.split(","))
    reference = Dataset.from_pandas(pd.read_parquet(reference_path), data_definition=definition)
    current = Dataset.from_pandas(pd.read_parquet(current_path), data_definition=definition)
    report = Report([DataDriftPreset()])
    started = time.perf_counter()
    snapshot = report.run(current_data=current, reference_data=reference)
    elapsed = time.perf_counter() - started
    drifted = next(
        (m["value"]["share"] for m in snapshot.dict()["metrics"] if m["metric_name"].startswith("DriftedColumnsCount")),
        float("nan"),
    )
    print(f"evidently_s={elapsed:.3f} drifted={drifted}")


if __name__ == "__main__":
    main()

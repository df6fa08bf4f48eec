"""Assertions for the MLflow client scripts: every failed check is recorded with what was
expected and what came back, the script goes on where later steps do not depend on the failed
one, and `finish` exits 1 listing every failure (or prints the JSON summary and exits 0).

Collecting instead of stopping at the first mismatch means one run against a server shows
every incompatibility at once. mlflow is imported only inside the methods, so importing this
module (with bytecode writing off, see the scripts) compiles nothing of mlflow.
"""

import atexit
import json
import os
import shutil
import sys
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path

# Fail fast instead of the client's default of 7 retries with exponential back-off: a server
# answering 5xx should fail the step in seconds, not minutes. Set before mlflow is imported.
os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "60")
# stdout carries only the JSON summary; the client would print a "View run" link per run there.
os.environ.setdefault("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "true")


def tracking_uri_from_env() -> str:
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        sys.exit("MLFLOW_TRACKING_URI must point at the tracking server, e.g. http://127.0.0.1:5000")
    return uri


def scratch_dir(prefix: str) -> Path:
    """A temporary folder removed when the script exits, however it exits."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


class StepFailed(Exception):
    """Raised inside a step to abandon it after a failed `require`."""


class Checks:
    def __init__(self, script: str):
        self.script = script
        self.failures: list[str] = []
        self.passed = 0
        self._step = "setup"

    @contextmanager
    def step(self, name: str):
        """Runs one step; an unexpected exception fails the step, not the whole script."""
        from mlflow.exceptions import MlflowException

        self._step = name
        print(f"[{self.script}] {name}", file=sys.stderr, flush=True)
        try:
            yield
        except StepFailed:
            pass
        except MlflowException as e:
            self._fail(f"unexpected MlflowException {e.error_code}: {e.message}")
        except Exception as e:  # noqa: BLE001 - any error is a failed step, with its traceback
            self._fail(f"unexpected {type(e).__name__}: {e}\n{traceback.format_exc()}")

    def _fail(self, message: str) -> None:
        self.failures.append(f"{self._step}: {message}")
        print(f"[{self.script}]   FAILED {message}", file=sys.stderr, flush=True)

    def equal(self, actual, expected, what: str) -> bool:
        if actual == expected:
            self.passed += 1
            return True
        self._fail(f"{what}: expected {expected!r}, got {actual!r}")
        return False

    def true(self, condition: bool, what: str) -> bool:
        if condition:
            self.passed += 1
            return True
        self._fail(what)
        return False

    def require(self, condition: bool, what: str) -> None:
        """Like `true`, but abandons the rest of the step when it fails."""
        if not self.true(condition, what):
            raise StepFailed()

    def mlflow_error(self, call, error_code: str, what: str, message_contains: str = "") -> None:
        """Expects `call()` to raise MlflowException with `error_code` (and a message naming
        the problem when `message_contains` is given)."""
        from mlflow.exceptions import MlflowException

        try:
            result = call()
        except MlflowException as e:
            if e.error_code != error_code:
                self._fail(f"{what}: expected error_code {error_code!r}, got {e.error_code!r} ({e.message!r})")
            elif message_contains and message_contains.lower() not in e.message.lower():
                self._fail(f"{what}: message should mention {message_contains!r}, got {e.message!r}")
            else:
                self.passed += 1
            return
        self._fail(f"{what}: expected MlflowException {error_code}, but the call returned {result!r}")

    def finish(self, summary: dict) -> None:
        if self.failures:
            print(
                f"[{self.script}] {len(self.failures)} check(s) failed, {self.passed} passed:",
                file=sys.stderr,
            )
            for failure in self.failures:
                print(f"  - {failure}", file=sys.stderr)
            sys.exit(1)
        print(json.dumps({"ok": True, "script": self.script, "checks_passed": self.passed, **summary}))
        sys.exit(0)

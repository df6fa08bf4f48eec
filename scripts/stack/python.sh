#!/usr/bin/env bash
# The Python environment the MLflow e2e tests and benchmarks use: a venv in .cache/pyenv with
# the packages pinned in e2e/python/requirements.txt (the mlflow client and server, and
# psycopg2 for the server's PostgreSQL backend). Packages come from PyPI. The wheels are kept in
# .cache/pip/wheels (pip's own HTTP cache stores nothing here: the index's responses are not
# cacheable), so a rebuilt venv installs from disk; only the index pages are fetched again.
#
# Idempotent and quiet: when the venv already matches the requirements (a stamp holds the
# requirements and interpreter version it was built from) it prints nothing and exits 0.
# Prints the interpreter path with `path`.
#
# Usage: python.sh [install|path]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PY_MIN=3.10   # mlflow 3.x requires Python >= 3.10
PYENV_DIR="$CACHE_DIR/pyenv"
PYENV_PY="$PYENV_DIR/bin/python"
PY_REQUIREMENTS="$REPO_ROOT/e2e/python/requirements.txt"
PY_STAMP="$PYENV_DIR/.flywheel-requirements"
PY_WHEELS="$CACHE_DIR/pip/wheels"
PY_LOG="$CACHE_DIR/pyenv-install.log"

# What the venv must have been built from: the requirements plus the interpreter's version,
# so a changed pin or a different Python both trigger a reinstall.
py_wanted() {
  "$PYENV_PY" -c 'import sys; print("python", sys.version.split()[0])'
  grep -vE '^\s*(#|$)' "$PY_REQUIREMENTS"
}

py_up_to_date() {
  [[ -x $PYENV_PY && -f $PY_STAMP ]] && "$PYENV_PY" -c '' 2>/dev/null \
    && [[ $(py_wanted) == "$(<"$PY_STAMP")" ]]
}

py_base_interpreter() {
  local py
  py=$(command -v python3) || die "python: python3 is not on PATH (Python >= $PY_MIN is needed for mlflow)"
  "$py" -c "import sys; sys.exit(0 if sys.version_info >= tuple(map(int, '$PY_MIN'.split('.'))) else 1)" \
    || die "python: $py is $("$py" --version 2>&1); mlflow needs Python >= $PY_MIN"
  echo "$py"
}

py_install() {
  [[ -f $PY_REQUIREMENTS ]] || die "python: $PY_REQUIREMENTS is missing"
  py_up_to_date && return 0
  local t0=$SECONDS base
  base=$(py_base_interpreter)
  # A venv whose interpreter no longer runs (its base Python moved or was removed) is rebuilt.
  if [[ -d $PYENV_DIR ]] && ! "$PYENV_PY" -c '' 2>/dev/null; then
    log "python: $PYENV_DIR does not run any more; recreating it"
    rm -rf "$PYENV_DIR"
  fi
  if [[ ! -x $PYENV_PY ]]; then
    "$base" -m venv "$PYENV_DIR" || die "python: '$base -m venv $PYENV_DIR' failed"
  fi
  log "python: installing $(grep -vE '^\s*(#|$)' "$PY_REQUIREMENTS" | tr '\n' ' ')into $PYENV_DIR (log $PY_LOG)"
  # `pip download` skips wheels already in the folder; the install then reads only the folder.
  # --no-compile: byte-compiling all ~860 MB up front takes longer than the rest of the install
  # on 2 cores; Python compiles (and caches) just the modules that get imported, on first use.
  if ! { "$PYENV_PY" -m pip download --no-input --dest "$PY_WHEELS" -r "$PY_REQUIREMENTS" \
         && "$PYENV_PY" -m pip install --no-input --no-compile --no-index --find-links "$PY_WHEELS" \
              -r "$PY_REQUIREMENTS"; } >"$PY_LOG" 2>&1; then
    show_log_tail "$PY_LOG"
    die "python: pip could not install $PY_REQUIREMENTS (full log $PY_LOG)"
  fi
  "$PYENV_PY" -c 'import mlflow, psycopg2' >>"$PY_LOG" 2>&1 \
    || { show_log_tail "$PY_LOG"; die "python: mlflow installed but does not import (log $PY_LOG)"; }
  py_wanted >"$PY_STAMP"
  log "python: ready in $(( SECONDS - t0 ))s: mlflow $("$PYENV_PY" -c 'import mlflow; print(mlflow.__version__)') in $PYENV_DIR"
}

# Two callers at once (e.g. up.sh and a bench) must not run pip into the same venv together.
py_locked_install() {
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/pyenv.lock"
  flock 9
  py_install
}

case ${1:-install} in
  install) py_locked_install ;;
  path) py_locked_install && echo "$PYENV_PY" ;;
  *) echo "usage: $0 [install|path]" >&2; exit 2 ;;
esac

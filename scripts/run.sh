#!/usr/bin/env bash
# Set up a virtual environment and start the program (arguments go to `jixiao`).
# Says what it does on stderr (the first start installs the dependencies: about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "创建运行环境（.venv）… / creating the environment…" >&2
  python3 -m venv .venv
fi
# Installed again when a dependency added since (e.g. python-calamine for .xls) is missing.
if [ ! -x .venv/bin/jixiao ] || ! .venv/bin/python -c "import python_calamine, openpyxl, PySide6" 2>/dev/null; then
  echo "安装依赖（首次启动约需一分钟）… / installing dependencies (about a minute the first time)…" >&2
  .venv/bin/python -m pip install -q -e .
fi
echo "启动… / starting…" >&2
exec .venv/bin/jixiao "$@"

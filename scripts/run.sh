#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's run command: installs what is missing, builds, and launches the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --gui-runtime
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run: no display found, so the window cannot open here; use 'xvfb-run -a build/app/dllab' for a virtual display, or the headless 'build/app/dlcli train2d --help'." >&2
  exit 2
fi
exec build/app/dllab "$@"

#!/usr/bin/env bash
# Installs what the project needs on a fresh machine; quick and silent when everything is there.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
    echo "setup: the .NET 10 SDK (dotnet) is required and not on PATH" >&2
    exit 1
fi
# Charts need a font: ScottPlot draws no text, and says nothing, on a machine without one.
if ! fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then
    echo "setup: installing fonts-dejavu-core (chart text)" >&2
    (apt-get update -qq && apt-get install -y -qq fonts-dejavu-core) >/dev/null 2>&1 || echo "setup: could not install fonts-dejavu-core; charts will lack text" >&2
fi

#!/usr/bin/env bash
# Installs what the project needs on a fresh machine; quick and silent when everything is there.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
    echo "setup: the .NET 10 SDK (dotnet) is required and not on PATH" >&2
    exit 1
fi

#!/usr/bin/env bash
# Checks deploy/systemd/o2c-schedule.service with systemd-analyze verify (directives, values, the executable).
# The unit names /opt/o2c/o2c, where it is installed; the check points it at this clone's build instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "skip: systemd-analyze is not installed here (Debian: apt-get install systemd)"
    exit 0
fi
dotnet build "$here/src/O2C.Cli/O2C.Cli.csproj" -c Release -nologo -v quiet >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s#/opt/o2c/o2c #$here/src/O2C.Cli/bin/Release/net10.0/o2c #" "$here/deploy/systemd/o2c-schedule.service" > "$work/o2c-schedule.service"
# Any finding (unknown directive, bad value, missing executable) is printed and fails the check.
out="$(systemd-analyze verify "$work/o2c-schedule.service" 2>&1 || true)"
findings="$(printf '%s\n' "$out" | grep -F "o2c-schedule.service" || true)"
if [ -n "$findings" ]; then
    printf '%s\n' "$findings" >&2
    echo "systemd unit: FAILED" >&2
    exit 1
fi
echo "systemd unit: deploy/systemd/o2c-schedule.service verified by $(systemd-analyze --version | head -1)"

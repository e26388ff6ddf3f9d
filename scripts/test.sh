#!/usr/bin/env bash
# The test command (README, .ci/run): set-up, then every test of the solution.
# Ends with one plain line 'tests: N passed, N failed, N skipped'.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh || exit 1
log="$(mktemp)"
dotnet test O2C.Analytics.sln -c Release -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E '(Passed|Failed)! +- +Failed:' "$log" | tail -1)
rm -f "$log"
if [ -n "$summary" ]; then
    failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
    passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
    skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
    echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"

#!/usr/bin/env bash
# The long fuzz run (docs/reliability.md): every parser's property-based fuzz test with N executions each
# (default 20000; CI runs 3000 per bank format and 150 for the loader and the Excel path on every build).
#   bash scripts/fuzz.sh [N]
# Executions, refusals and parses per parser are appended to fuzz-report.tsv; a finding fails the run and prints
# the CsCheck seed that reproduces it (-e CsCheck_Seed=...).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh || exit 1
export O2C_FUZZ_ITERATIONS="${1:-20000}"
export O2C_FUZZ_REPORT="$here/fuzz-report.tsv"
dotnet test tests/O2C.Analytics.Tests -c Release -nologo --filter "FullyQualifiedName~O2C.Analytics.Tests.Fuzz" \
    --logger "console;verbosity=normal"
status=$?
echo "fuzz report (time, parser, executions, refused, accepted):"
tail -n 5 "$O2C_FUZZ_REPORT" 2>/dev/null
exit "$status"

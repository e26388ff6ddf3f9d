#!/usr/bin/env bash
# Stryker.NET's mutation score for one area of the C# (issue 25; scores and survivors in docs/testing.md). Not in CI:
# from a few minutes (SPC, SLA) to hours (the loader) on 2 cores. Stryker builds the test project in place, so run
# nothing else against tests/ meanwhile.
#
#   bash scripts/stryker.sh <metrics|load|spc|sla|cash> [more dotnet-stryker options, e.g. -c 2]
#
# Each area is mutated against the tests written for it: the classes over the whole bundled sample or a large
# generated history are left out (a minute or more each, and Stryker runs every test that covers a mutant), as are
# the loader's long property tests. Reports go to artifacts/stryker/<area>/reports (html and json).
set -euo pipefail
cd "$(dirname "$0")/.."
area=${1:?"which area: metrics, load, spc, sla or cash"}
shift
ns="FullyQualifiedName~O2C.Analytics.Tests"
case "$area" in
  metrics) mutate="**/Metrics/**/*.cs"
           tests="($ns.Metrics.|$ns.Boundaries.)&FullyQualifiedName!~PerGroupKpiTests&FullyQualifiedName!~PerGroupMemberNameTests&FullyQualifiedName!~KpiMonthsFromTests" ;;
  load)    mutate="**/Load/**/*.cs"
           tests="($ns.Load.|$ns.Hostile.|$ns.Integrity.|$ns.Storage.|$ns.Boundaries.ToleranceAndRejectBoundaryTests)&FullyQualifiedName!~ReloadTests&FullyQualifiedName!~ArrivalOrderPropertyTests&FullyQualifiedName!~RepeatedFileTests&FullyQualifiedName!~DiskFullTests&FullyQualifiedName!~QuietMonthTests&FullyQualifiedName!~MissingRatesAndZeroArTests" ;;
  spc)     mutate="**/Spc/**/*.cs"
           tests="$ns.Spc.&FullyQualifiedName!~SampleStoryTests" ;;
  sla)     mutate="**/Sla/**/*.cs"
           tests="$ns.Sla." ;;
  cash)    mutate="**/CashApplication/**/*.cs"
           tests="($ns.CashApplication.|$ns.Boundaries.|FullyQualifiedName~CashMatchedRowsInLoadsTests|FullyQualifiedName~CashApplicationKpiTests)&FullyQualifiedName!~SampleBankFeedTests" ;;
  *) echo "unknown area '$area': metrics, load, spc, sla or cash" >&2; exit 2 ;;
esac
dotnet tool restore >/dev/null
out="$PWD/artifacts/stryker/$area"
cd tests/O2C.Analytics.Tests
dotnet stryker --project O2C.Analytics.csproj --configuration Release -m "$mutate" --test-case-filter "$tests" \
  -r json -r html -r cleartext -O "$out" --skip-version-check "$@"

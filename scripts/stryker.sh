#!/usr/bin/env bash
# Stryker.NET's mutation score for one area of the C# (issue 25; scores and survivors in docs/testing.md). Not in CI:
# from a few minutes (SPC, SLA) to an hour or more (the loader) on 2 cores. Stryker builds the test project in place,
# so run it in a clone of its own, nothing else against tests/ meanwhile.
#
#   bash scripts/stryker.sh <area> [more dotnet-stryker options, e.g. -c 2]
#   areas: metrics-catalog metrics-calculator load-layouts load-engine spc sla cash; metrics and load run both parts
#
# Each area is mutated against the tests written for it: the classes over the whole bundled sample or a large
# generated history are left out (a minute or more each, and Stryker runs every test that covers a mutant), as are
# the loader's long property tests. Definitions held in static fields (the KPI catalogue, the file layouts) are run by
# Stryker against every selected test for each mutant, whatever covers it, so they are a part of their own, judged by
# the tests that read them (the catalogue's generated documentation, a KPI refresh over a small ledger; the layouts'
# documentation and loads) rather than by the whole area's. Reports go to artifacts/stryker/<area>/reports.
set -euo pipefail
cd "$(dirname "$0")/.."
area=${1:?"which area: metrics-catalog, metrics-calculator, load-layouts, load-engine, spc, sla or cash (metrics, load: both parts)"}
shift
case "$area" in
  metrics) bash "$0" metrics-catalog "$@" && exec bash "$0" metrics-calculator "$@" ;;
  load)    bash "$0" load-layouts "$@" && exec bash "$0" load-engine "$@" ;;
esac
ns="FullyQualifiedName~O2C.Analytics.Tests"
case "$area" in
  metrics-catalog)
           mutate=("**/Metrics/KpiCatalog.cs" "**/Metrics/KpiDefinition.cs" "**/Metrics/KpiDocumentation.cs" "**/Metrics/KpiRequirement.cs"
                   "**/Metrics/RagStatus.cs")
           tests="FullyQualifiedName~KpiCatalogTests|FullyQualifiedName~RagStatusTests|FullyQualifiedName~ReceivablesKpiTests" ;;
  metrics-calculator)
           mutate=("**/Metrics/KpiCalculator.cs" "**/Metrics/KpiValueReader.cs" "**/Metrics/ReportingDimension.cs")
           tests=$(printf "|FullyQualifiedName~%s" FoundationKpiTests ReceivablesKpiTests InvoicingKpiTests DisputeKpiTests CollectionsKpiTests \
                   CashApplicationKpiTests PaymentBehaviourKpiTests OpeningBalanceKpiTests OpeningItemRejectTests KpiRollUpTests TwelveMonthKpiTests \
                   TopTenConcentrationTests KpiMonthsFromTests MonthEndBoundaryTests MonthEndRefreshBoundaryTests)
           tests=${tests#|} ;;
  load-layouts)
           mutate=("**/Load/CanonicalLayouts.cs" "**/Load/EntityLayout.cs" "**/Load/ColumnSpec.cs" "**/Load/FieldType.cs")
           tests="FullyQualifiedName~DataModelDocumentationTests|FullyQualifiedName~CanonicalLoaderSmokeTests|FullyQualifiedName~MalformedRowTests|FullyQualifiedName~ImpossibleFactsTests|FullyQualifiedName~DirtySampleTests" ;;
  load-engine)
           mutate=("**/Load/**/*.cs" "!**/Load/CanonicalLayouts.cs" "!**/Load/EntityLayout.cs" "!**/Load/ColumnSpec.cs" "!**/Load/FieldType.cs")
           tests="($ns.Load.|$ns.Hostile.|$ns.Integrity.|$ns.Storage.|$ns.Boundaries.ToleranceAndRejectBoundaryTests)&FullyQualifiedName!~ReloadTests&FullyQualifiedName!~ArrivalOrderPropertyTests&FullyQualifiedName!~RepeatedFileTests&FullyQualifiedName!~DiskFullTests&FullyQualifiedName!~QuietMonthTests&FullyQualifiedName!~MissingRatesAndZeroArTests" ;;
  spc)     mutate=("**/Spc/**/*.cs")
           tests="$ns.Spc.&FullyQualifiedName!~SampleStoryTests" ;;
  sla)     mutate=("**/Sla/**/*.cs")
           tests="$ns.Sla.|FullyQualifiedName~SlaActionsTests" ;;
  cash)    mutate=("**/CashApplication/**/*.cs")
           tests="($ns.CashApplication.|FullyQualifiedName~ToleranceAndRejectBoundaryTests|FullyQualifiedName~CashMatchedRowsInLoadsTests|FullyQualifiedName~CashApplicationKpiTests)&FullyQualifiedName!~SampleBankFeedTests" ;;
  *) echo "unknown area '$area': metrics-catalog, metrics-calculator, load-layouts, load-engine, spc, sla, cash, metrics or load" >&2; exit 2 ;;
esac
dotnet tool restore >/dev/null
out="$PWD/artifacts/stryker/$area"
cd tests/O2C.Analytics.Tests
patterns=(); for m in "${mutate[@]}"; do patterns+=(-m "$m"); done
dotnet stryker --project O2C.Analytics.csproj --configuration Release "${patterns[@]}" --test-case-filter "$tests" \
  -r json -r html -r cleartext -O "$out" --skip-version-check "$@"

using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Boundaries;

/// <summary>
/// An incremental refresh whose earliest changed fact is dated exactly on a month end (31 March 2026) computes that
/// month end again: every table model (the month-end marts read month_ends_from(), which is then 31 March) and every
/// KPI value equal a full refresh of the same facts. A model that kept only month ends after the date would lose
/// March's rows.
/// </summary>
public sealed class MonthEndRefreshBoundaryTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private string Refresh(bool full = false)
    {
        Assert.Equal(0, new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources).RowsRejected);
        var said = new List<string>();
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD", said.Add, full: full);
        return said[0];
    }

    private Dictionary<string, List<string>> Tables()
    {
        var tables = SqlModel.ReadAll(SqlFolder.Default().File("models")).Where(m => m.IsTable).Select(m => m.Name)
            .ToDictionary(t => t, t => _w.Warehouse.Query($"SELECT CAST(t AS VARCHAR) FROM {t} t ORDER BY 1", r => r.GetString(0)));
        tables["kpi_values"] = _w.Warehouse.Query("SELECT CAST(t AS VARCHAR) FROM (SELECT * EXCLUDE (computed_at) FROM kpi_values) t ORDER BY 1", r => r.GetString(0));
        return tables;
    }

    [Fact]
    public void A_refresh_from_a_fact_dated_on_the_month_end_computes_that_month_end_again_as_a_full_refresh_would()
    {
        // C1 and C2 (EUR) invoiced monthly from October 2025, paid 35 days after issue, with a dispute and a promise.
        _w.Write("customers.csv", Customers, Customer("C1"), Customer("C2", "EUR", "EMEA"));
        _w.Write("fx_rates.csv", FxRates, "2025-01-01,EUR,USD,1.10", "2026-03-31,EUR,USD,1.20");
        string[] months = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];
        var invoices = months.SelectMany((m, i) => new[]
        {
            Invoice($"A{i}", "C1", $"{m}-05", DateOnly.Parse($"{m}-05").AddDays(30).ToString("yyyy-MM-dd"), $"{100 + 10 * i}.00"),
            Invoice($"B{i}", "C2", $"{m}-10", DateOnly.Parse($"{m}-10").AddDays(30).ToString("yyyy-MM-dd"), $"{200 + 10 * i}.00", "EUR"),
        }).ToArray();
        _w.Write("documents.csv", [Documents, .. invoices]);
        var paid = months.Take(4).Select((m, i) => (Id: $"A{i}", Customer: "C1", Date: DateOnly.Parse($"{m}-05").AddDays(35).ToString("yyyy-MM-dd"), Amount: $"{100 + 10 * i}.00", Currency: "USD"))
            .Concat(months.Take(4).Select((m, i) => (Id: $"B{i}", Customer: "C2", Date: DateOnly.Parse($"{m}-10").AddDays(35).ToString("yyyy-MM-dd"), Amount: $"{200 + 10 * i}.00", Currency: "EUR")))
            .ToList();
        _w.Write("receipts.csv", [Receipts, .. paid.Select(p => $"R{p.Id},{p.Customer},{p.Date},{p.Date},{p.Amount},{p.Currency},wire,REF{p.Id},{p.Id}")]);
        _w.Write("applications.csv", [Applications, .. paid.Select(p => $"P{p.Id},R{p.Id},{p.Id},{p.Date},{p.Amount},auto")]);
        _w.Write("disputes.csv", Disputes, "D1,dispute,A4,C1,pricing,20.00,USD,2026-02-20,,,,,client");
        _w.Write("promises_to_pay.csv", Promises, "PR1,C2,B4,2026-03-01,2026-03-20,240.00,EUR,Ann");
        _w.Write("write_offs.csv", WriteOffs, "W0,A5,2026-03-20,1.00,small balance");
        Assert.StartsWith("all months", Refresh());

        // Facts dated exactly on the month end: A4 paid on 31 March, a dispute opened and a write-off on 31 March.
        _w.Write("receipts-march-end.csv", Receipts, "RA4,C1,2026-03-31,2026-03-31,140.00,USD,wire,REFA4,A4");
        _w.Write("applications-march-end.csv", Applications, "PA4,RA4,A4,2026-03-31,140.00,auto");
        _w.Write("disputes-march-end.csv", Disputes, "D2,dispute,B5,C2,quantity,30.00,EUR,2026-03-31,,,,,client");
        _w.Write("write_offs-march-end.csv", WriteOffs, "W1,B4,2026-03-31,5.00,small balance");
        Assert.StartsWith("month ends from 2026-03-31", Refresh());
        var incremental = Tables();
        Assert.Contains(incremental["fct_customer_score_monthly"], row => row.Contains("2026-03-31"));

        Refresh(full: true);
        var full = Tables();
        Assert.All(full.Keys, table => Assert.True(full[table].SequenceEqual(incremental[table]),
            $"{table}: the incremental refresh from 31 March differs from a full one ({incremental[table].Count} rows against {full[table].Count})"));
    }
}

using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Analyst;

/// <summary>
/// The views and macros analysts query (sql/views/, one a file; a macro's header becomes its COMMENT, a view's comes
/// from WarehouseComments), and the KPI catalogue table they join to. Rebuilt after each refresh,
/// because views bind to the model tables the refresh recreates.
/// </summary>
public static class AnalystViews
{
    /// <summary>In dependency order: v_ar_monthly reads v_open_items, customers_in_scope customer_dimension_members.</summary>
    public static readonly IReadOnlyList<string> Files =
        ["v_open_items", "open_items_as_of", "customer_dimension_members", "customers_in_scope", "v_ar_monthly", "v_kpi_values", "v_control_chart_signals", "v_payment_predictions", "v_sla_breaches",
         "customer_forward_delinquency"];

    public static void Create(Warehouse warehouse, SqlFolder sql)
    {
        WriteCatalogue(warehouse);
        foreach (var name in Files)
        {
            var text = sql.Read("views", name + ".sql");
            warehouse.Execute(text);
            // Views get their comments, table and columns, from WarehouseComments, which runs next; a macro has no columns.
            if (text.Contains("create or replace macro", StringComparison.OrdinalIgnoreCase))
                warehouse.Execute($"COMMENT ON MACRO TABLE {name} IS {Load.SqlText.Literal(SqlModels.SqlFileHeader.Parse(text).Comment)}");
        }
    }

    private static void WriteCatalogue(Warehouse warehouse)
    {
        using var transaction = warehouse.BeginTransaction();
        warehouse.Execute("DELETE FROM kpi_catalog");
        using (var appender = warehouse.Connection.CreateAppender("kpi_catalog"))
            foreach (var k in KpiCatalog.All)
                appender.CreateRow().AppendValue(k.Id).AppendValue(k.Name).AppendValue(k.Area).AppendValue(k.Unit)
                    .AppendValue(k.Direction == KpiDirection.LowerIsBetter ? "lower is better" : "higher is better")
                    .AppendValue(k.Formula).AppendValue(k.Reference).EndRow();
        transaction.Commit();
    }
}

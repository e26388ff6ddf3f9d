using O2C.Analytics.Storage;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using static O2C.Analytics.Extract.Tabular.MappingSql;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Extract.Tabular;

/// <summary>
/// Maps one tabular source file onto canonical CSV files in a staging folder, set-based in DuckDB: read the file
/// as text, compute every canonical column from its mapping, write each entity's rows in source order (so a
/// staged line number is the source line number). The canonical loader then validates and loads them.
/// </summary>
public sealed class TabularStager(Warehouse scratch)
{
    public IReadOnlyList<string> Stage(SourceDefinition source, string file, string stagingFolder)
    {
        var csv = source.Csv ?? new CsvOptions();
        var stem = $"{source.Name}-{Path.GetFileNameWithoutExtension(file)}";
        var name = Path.GetFileName(file); // messages name the file the user gave, not its staged copy
        if (source.Kind == SourceKind.Xlsx)
        {
            // Excel values are typed: written out as plain text with '.' decimals and ISO dates.
            file = ReadWorkbook(file, stagingFolder);
            csv = new CsvOptions();
        }
        ReadSource(file, name, csv);
        RequireMappedColumns(source, name);
        return source.Kind == SourceKind.ClearedItemsCsv
            ? StageClearedItems(source, csv, stem, stagingFolder)
            : [StageEntity(source, csv, stem, stagingFolder)];
    }

    /// <summary>
    /// Whatever a corrupt workbook makes ClosedXML, the Open XML SDK or the zip reader throw is that file's one-line
    /// rejection: they throw many types (fuzzing found OpenXmlPackageException, "the main part is missing", outside
    /// a list of the usual ones), so the boundary is the file, not a list of types.
    /// </summary>
    private static string ReadWorkbook(string file, string stagingFolder)
    {
        try
        {
            return XlsxToCsv.Convert(file, stagingFolder);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            var name = Path.GetFileName(file);
            var message = FirstLine(e.Message);
            throw new UnreadableSourceFileException(message.StartsWith(name, StringComparison.Ordinal)
                ? message : $"{name}: not a readable workbook ({e.GetType().Name}: {message})", e);
        }
    }

    /// <summary>
    /// An export whose header lacks a column the mapping reads (a renamed or dropped column; found by fuzzing a
    /// workbook's header cells) is that file's one-line rejection, not a SQL binder error.
    /// </summary>
    private void RequireMappedColumns(SourceDefinition source, string name)
    {
        if (source.Columns is null) return;
        var present = scratch.Query("SELECT column_name FROM (DESCRIBE src_raw)", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var missing = source.Columns.Keys.Select(source.Column).Select(m => m?.Column)
            .Where(c => c is not null && !present.Contains(c)).Distinct().ToList();
        if (missing.Count > 0)
            throw new UnreadableSourceFileException(
                $"{name}: column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} named by source {source.Name}'s mapping {(missing.Count > 1 ? "are" : "is")} not in the file", null);
    }

    private void ReadSource(string file, string name, CsvOptions csv)
    {
        scratch.Execute("DROP TABLE IF EXISTS src_raw");
        try
        {
            ReadCsv(file, csv);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new UnreadableSourceFileException($"{name}: not a readable CSV file ({FirstLine(e.Message)})", e);
        }
    }

    private void ReadCsv(string file, CsvOptions csv)
    {
        scratch.Execute($"""
            CREATE TEMP TABLE src_raw AS
            SELECT row_number() OVER () AS _ordinal, *
            FROM read_csv({Literal(file)}, header = true, delim = {Literal(csv.Delimiter)}, quote = '"',
                          all_varchar = true, encoding = {Literal(csv.Encoding)})
            """);
    }

    private string StageEntity(SourceDefinition source, CsvOptions csv, string stem, string folder)
    {
        var layout = CanonicalLayouts.All.FirstOrDefault(e => e.Entity == source.Entity)
            ?? throw new InvalidDataException($"source {source.Name}: entity '{source.Entity}' is not a canonical entity");
        var select = Projection(source, layout, csv);
        var path = Path.Combine(folder, $"{layout.Entity}-{stem}.csv");
        Copy($"SELECT {select} FROM src_raw src ORDER BY src._ordinal", path);
        return path;
    }

    /// <summary>Cleared items: documents; customers (distinct); a settlement receipt and application on each clearing date; disputes flagged.</summary>
    private IReadOnlyList<string> StageClearedItems(SourceDefinition source, CsvOptions csv, string stem, string folder)
    {
        var documents = Projection(source, CanonicalLayouts.Documents, csv);
        string Extra(string name, FieldType kind) =>
            source.Column(name) is { } m ? Expression(m, kind, csv) : source.Defaults?.GetValueOrDefault(name) is { } d ? Literal(d) : "CAST(NULL AS VARCHAR)";
        scratch.Execute($"""
            CREATE OR REPLACE TEMP TABLE src_mapped AS
            SELECT src._ordinal, {documents},
                   {Extra("clearing_date", FieldType.Date)} AS clearing_date,
                   {Extra("disputed", FieldType.Flag)} AS disputed,
                   {string.Join(", ", CustomerColumns.Select(c => $"{Extra(c, FieldType.Text)} AS c_{c}"))}
            FROM src_raw src
            """);
        var paths = new List<string>();
        string P(string entity) { var p = Path.Combine(folder, $"{entity}-{stem}.csv"); paths.Add(p); return p; }

        Copy($"SELECT {string.Join(", ", CanonicalLayouts.Documents.Columns.Select(c => Ident(c.Name)))} FROM src_mapped ORDER BY _ordinal", P("documents"));
        // Customers: one row each; terms = the most common gap between invoice and due date in the export.
        Copy($"""
            SELECT customer_id,
                   coalesce(any_value(c_customer_name), customer_id) AS customer_name,
                   coalesce(any_value(c_segment), 'Unassigned') AS segment,
                   coalesce(any_value(c_region), 'Unassigned') AS region,
                   coalesce(any_value(c_country_code), 'Unassigned') AS country_code,
                   any_value(currency_code) AS currency_code,
                   coalesce(any_value(c_payment_terms_days), CAST(mode(try_cast(due_date AS DATE) - try_cast(document_date AS DATE)) AS VARCHAR), '30') AS payment_terms_days,
                   NULL AS credit_limit,
                   coalesce(any_value(c_risk_class), 'Unrated') AS risk_class,
                   any_value(c_collector) AS collector,
                   any_value(c_bpo_team) AS bpo_team,
                   CASE WHEN avg(CASE WHEN delivery_channel IN ('e_invoice', 'portal') THEN 1 ELSE 0 END) >= 0.5 THEN 'true' ELSE 'false' END AS e_invoicing
            FROM src_mapped
            WHERE customer_id IS NOT NULL AND customer_id <> ''
            GROUP BY customer_id ORDER BY min(_ordinal)
            """, P("customers"));
        // A cleared invoice was settled on its clearing date: one receipt and one application for the full amount.
        const string Cleared = "FROM src_mapped WHERE clearing_date IS NOT NULL AND clearing_date <> '' AND document_type <> 'credit_memo'";
        Copy($"""
            SELECT 'CLR-' || document_id AS receipt_id, customer_id, clearing_date AS value_date, clearing_date AS posted_date,
                   amount, currency_code, 'other' AS payment_method, NULL AS bank_reference, document_id AS remittance_text
            {Cleared} ORDER BY _ordinal
            """, P("receipts"));
        Copy($"""
            SELECT 'CLR-' || document_id AS application_id, 'CLR-' || document_id AS receipt_id, document_id,
                   clearing_date AS application_date, amount, 'manual' AS match_method
            {Cleared} ORDER BY _ordinal
            """, P("applications"));
        if (source.Column("disputed") is not null)
            // The export says only that an invoice was disputed: recorded as a dispute opened on the invoice date
            // and, once the invoice cleared, resolved then (paid in full, so the claim did not stand).
            Copy($"""
                SELECT 'DSP-' || document_id AS dispute_id, 'dispute' AS dispute_kind, document_id, customer_id, 'other' AS category,
                       amount, currency_code, document_date AS opened_date, NULL AS assigned_date,
                       NULLIF(clearing_date, '') AS resolved_date,
                       CASE WHEN NULLIF(clearing_date, '') IS NOT NULL THEN 'invalid' END AS outcome,
                       NULL AS recovered_amount, 'client' AS owner
                FROM src_mapped WHERE lower(disputed) IN ('true', 'yes', 'y', '1', 'x') ORDER BY _ordinal
                """, P("disputes"));
        return paths;
    }

    private static readonly string[] CustomerColumns =
        ["customer_name", "segment", "region", "country_code", "payment_terms_days", "risk_class", "collector", "bpo_team"];

    /// <summary>Every canonical column of the layout from its mapping, a default, or empty; amounts and types follow the sign convention.</summary>
    private static string Projection(SourceDefinition source, EntityLayout layout, CsvOptions csv)
    {
        var columns = new List<string>();
        foreach (var column in layout.Columns)
        {
            var mapping = source.Column(column.Name);
            var expression = mapping is not null ? Expression(mapping, column.Kind, csv)
                : source.Defaults?.GetValueOrDefault(column.Name) is { } d ? Literal(d)
                : "CAST(NULL AS VARCHAR)";
            columns.Add($"{expression} AS {Ident(column.Name)}");
        }
        if (source.Sign is { } sign && layout == CanonicalLayouts.Documents)
        {
            var amount = columns.FindIndex(c => c.EndsWith($"AS {Ident("amount")}", StringComparison.Ordinal));
            var type = columns.FindIndex(c => c.EndsWith($"AS {Ident("document_type")}", StringComparison.Ordinal));
            var amountExpression = columns[amount][..columns[amount].LastIndexOf(" AS ", StringComparison.Ordinal)];
            var typeExpression = columns[type][..columns[type].LastIndexOf(" AS ", StringComparison.Ordinal)];
            var isCredit = sign.Mode == "column"
                ? $"trim(src.{Ident(sign.Column!)}) = {Literal(sign.CreditValue!)}"
                : $"({amountExpression}) LIKE '-%'";
            columns[type] = $"CASE WHEN {isCredit} THEN 'credit_memo' ELSE coalesce({typeExpression}, 'invoice') END AS {Ident("document_type")}";
            columns[amount] = $"ltrim({amountExpression}, '-') AS {Ident("amount")}";
        }
        return string.Join(",\n       ", columns);
    }

    private void Copy(string select, string path) =>
        scratch.Execute($"COPY ({select}) TO {Literal(path)} (HEADER, DELIMITER ',', QUOTE '\"')");
}

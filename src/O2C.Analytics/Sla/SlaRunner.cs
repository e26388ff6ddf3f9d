using System.Text.Json;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Sla;

/// <summary>
/// Writes the SLA definitions in force to the warehouse and measures every item of every SLA (sql/sla/): one
/// transaction, so the review never sees definitions and measurements that disagree. An item is judged as of its
/// quarter's end and sees nothing after it, so a run measures again only the quarters the fact changes since the last
/// run can reach (sla_state, migration 0030): a day's facts after the last closed quarter reach none, and the day
/// measures nothing; a late fact dated in a closed quarter has that quarter and the later ones measured again.
/// </summary>
public static class SlaRunner
{
    public static SlaRunResult Run(Warehouse warehouse, SqlFolder sql, IReadOnlyList<SlaDefinition> definitions, SlaContract? contract = null)
    {
        contract ??= new SlaContract();
        var ids = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var problems = definitions.Select(d => d.Problem()).Append(contract.Problem())
            .Concat(contract.Actions.Select(a => a.Problem(ids))).OfType<string>().ToList();
        if (contract.Actions.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != contract.Actions.Count) problems.Add("SLA action ids must be unique");
        if (definitions.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != definitions.Count) problems.Add("SLA ids must be unique");
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
        var horizon = Horizon(warehouse);
        using var transaction = warehouse.BeginTransaction();
        var builtFrom = Fingerprint(warehouse, sql, definitions, contract);
        var through = warehouse.Scalar<long?>("SELECT max(change_id) FROM fact_changes") ?? 0;
        var from = MeasureFrom(warehouse, builtFrom);
        warehouse.Execute("DELETE FROM sla_definitions");
        warehouse.Execute("DELETE FROM sla_category_thresholds");
        // The quarters measured again go, and any no longer closed (the horizon moved back); the others stay.
        if (from is { } first)
            warehouse.Execute("DELETE FROM sla_measurements WHERE quarter_end >= $from OR quarter_end > $horizon", ("from", first), ("horizon", horizon));
        else
            warehouse.Execute("DELETE FROM sla_measurements");
        warehouse.Execute("DELETE FROM sla_teams");
        warehouse.Execute("DELETE FROM sla_contract");
        warehouse.Execute("DELETE FROM sla_actions");
        foreach (var a in contract.Actions)
            warehouse.Execute("INSERT INTO sla_actions VALUES ($id, $sla, $cause, $action, $owner, $raised, $due, $status, $closed)",
                ("id", a.Id), ("sla", a.Sla), ("cause", a.Cause), ("action", a.Action), ("owner", a.Owner),
                ("raised", SlaQuarter.Parse(a.Raised).ToString()), ("due", a.DueDate), ("status", a.Status), ("closed", a.ClosedDate));
        warehouse.Execute("INSERT INTO sla_contract VALUES ($cap, $earnBack)", ("cap", contract.CreditCapPerQuarter), ("earnBack", contract.EarnBack));
        foreach (var team in warehouse.Query("SELECT DISTINCT bpo_team FROM stg_customers WHERE bpo_team IS NOT NULL ORDER BY 1", r => r.GetString(0)))
            warehouse.Execute("INSERT INTO sla_teams VALUES ($team, $party)", ("team", team), ("party", contract.PartyOf(team)));
        foreach (var d in definitions)
        {
            warehouse.Execute("INSERT INTO sla_definitions VALUES ($id, $name, $event, $clock, $threshold, $target, $owner, $perBreach, $perMiss)",
                ("id", d.Id), ("name", d.Name), ("event", d.Event), ("clock", d.Clock), ("threshold", d.ThresholdDays), ("target", d.TargetRate),
                ("owner", d.Owner), ("perBreach", d.CreditPerBreach), ("perMiss", d.CreditPerMissedTarget));
            foreach (var (category, days) in d.CategoryThresholds)
                warehouse.Execute("INSERT INTO sla_category_thresholds VALUES ($id, $category, $days)", ("id", d.Id), ("category", category), ("days", days));
            // Dispute resolution without configured categories: the warehouse's dispute SLAs, defined once.
            if (d.Event == "dispute_resolution" && d.CategoryThresholds.Count == 0)
                warehouse.Execute("INSERT INTO sla_category_thresholds SELECT $id, category, sla_business_days FROM dispute_category_sla", ("id", d.Id));
        }
        // Nothing to measure when the first quarter ending on or after the change is not closed (most days).
        var measureFrom = from ?? DateOnly.MinValue;
        if (from is null || SlaQuarter.Of(measureFrom).End <= horizon)
        {
            var events = definitions.Select(d => d.Event).Distinct(StringComparer.Ordinal).ToList();
            var union = string.Join("\nUNION ALL\n", events.Select(e => $"SELECT '{e}' AS event, * FROM ({sql.Read("sla", "events", e + ".sql")})"));
            warehouse.Execute($"CREATE OR REPLACE TEMP TABLE sla_items AS {union}");
            // A year of quarters at a time: every quarter of a 10M warehouse at once (19 million items) peaked at 6 GiB.
            var measure = sql.Read("sla", "measure.sql");
            var firstYear = Math.Max(measureFrom.Year, warehouse.Scalar<DateOnly?>("SELECT min(start_date) FROM sla_items")?.Year ?? horizon.Year);
            for (var year = firstYear; year <= horizon.Year; year++)
            {
                var yearFrom = new DateOnly(year, 1, 1) > measureFrom ? new DateOnly(year, 1, 1) : measureFrom;
                warehouse.Execute($"INSERT INTO sla_measurements {measure}", ("horizon", horizon), ("from", yearFrom), ("through", new DateOnly(year, 12, 31)));
            }
            warehouse.Execute("DROP TABLE sla_items");
        }
        warehouse.Execute("DELETE FROM sla_state");
        warehouse.Execute("INSERT INTO sla_state VALUES ($through, $horizon, $built)", ("through", through), ("horizon", horizon), ("built", builtFrom));
        transaction.Commit();
        var measured = warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements");
        return new SlaRunResult(horizon, SlaQuarter.LatestClosed(horizon), measured);
    }

    /// <summary>
    /// The first quarter end to measure again: the earliest fact date changed since the last run, or the day after that
    /// run's horizon (quarters closed since), whichever comes first; null for every quarter (no run recorded, other
    /// definitions, or a change without a date to bound it).
    /// </summary>
    private static DateOnly? MeasureFrom(Warehouse warehouse, string builtFrom)
    {
        var state = warehouse.Query("SELECT measured_through_change, horizon, built_from FROM sla_state",
            r => (Change: r.GetInt64(0), Horizon: r.GetFieldValue<DateOnly>(1), BuiltFrom: r.GetString(2))).FirstOrDefault();
        if (state.BuiltFrom != builtFrom) return null;
        var (whole, earliest) = warehouse.Query(
            "SELECT coalesce(bool_or(whole_history), false), min(earliest_fact_date) FROM fact_changes WHERE change_id > $last",
            r => (r.GetBoolean(0), r.IsDBNull(1) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(1)), ("last", state.Change)).Single();
        if (whole) return null;
        var afterHorizon = state.Horizon.AddDays(1);
        return earliest is { } date && date < afterHorizon ? date : afterHorizon;
    }

    /// <summary>
    /// What the measurements are made from besides the facts: the definitions and contract (thresholds, owners, the
    /// BPO's teams), the SQL, the dispute SLAs by category, the reporting currency and the program.
    /// </summary>
    private static string Fingerprint(Warehouse warehouse, SqlFolder sql, IReadOnlyList<SlaDefinition> definitions, SlaContract contract) =>
        new DefinitionsFingerprint()
            .Add(JsonSerializer.Serialize(definitions)).Add(JsonSerializer.Serialize(contract))
            .AddSqlFiles(sql, "sla")
            .AddDisputeSlas(warehouse)
            .Add(warehouse.Scalar<string>("SELECT max(setting_value) FROM o2c_settings WHERE setting_key = 'reporting_currency'"))
            .Hash();

    /// <summary>The last day the data covers: no quarter after it is judged.</summary>
    public static DateOnly Horizon(Warehouse warehouse) =>
        warehouse.Scalar<DateOnly?>("""
            SELECT max(d) FROM (
                SELECT max(document_date) AS d FROM documents UNION ALL SELECT max(value_date) FROM receipts
                UNION ALL SELECT max(application_date) FROM applications UNION ALL SELECT max(activity_date) FROM collection_activities)
            """) ?? throw new InvalidOperationException("the warehouse holds no documents or receipts: load data first");
}

public sealed record SlaRunResult(DateOnly Horizon, SlaQuarter LatestClosedQuarter, long ItemsMeasured);

using O2C.Analytics.Storage;

namespace O2C.Analytics.Sla;

/// <summary>
/// Writes the SLA definitions in force to the warehouse and measures every item of every SLA (sql/sla/): one
/// transaction, so the review never sees definitions and measurements that disagree.
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
        warehouse.Execute("DELETE FROM sla_definitions");
        warehouse.Execute("DELETE FROM sla_category_thresholds");
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
        var events = definitions.Select(d => d.Event).Distinct(StringComparer.Ordinal).ToList();
        var union = string.Join("\nUNION ALL\n", events.Select(e => $"SELECT '{e}' AS event, * FROM ({sql.Read("sla", "events", e + ".sql")})"));
        warehouse.Execute($"CREATE OR REPLACE TEMP TABLE sla_items AS {union}");
        warehouse.Execute($"INSERT INTO sla_measurements {sql.Read("sla", "measure.sql")}", ("horizon", horizon));
        warehouse.Execute("DROP TABLE sla_items");
        transaction.Commit();
        var measured = warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements");
        return new SlaRunResult(horizon, SlaQuarter.LatestClosed(horizon), measured);
    }

    /// <summary>The last day the data covers: no quarter after it is judged.</summary>
    public static DateOnly Horizon(Warehouse warehouse) =>
        warehouse.Scalar<DateOnly?>("""
            SELECT max(d) FROM (
                SELECT max(document_date) AS d FROM documents UNION ALL SELECT max(value_date) FROM receipts
                UNION ALL SELECT max(application_date) FROM applications UNION ALL SELECT max(activity_date) FROM collection_activities)
            """) ?? throw new InvalidOperationException("the warehouse holds no documents or receipts: load data first");
}

public sealed record SlaRunResult(DateOnly Horizon, SlaQuarter LatestClosedQuarter, long ItemsMeasured);

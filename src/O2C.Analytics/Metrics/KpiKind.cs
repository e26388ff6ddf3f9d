namespace O2C.Analytics.Metrics;

/// <summary>How a KPI's parts combine over customers and members.</summary>
public enum KpiKind
{
    /// <summary>Scale x sum(numerator) / sum(denominator): parts add up over any set of members.</summary>
    Ratio,
    /// <summary>Scale x sum(numerator): an amount (cash collected, open AR).</summary>
    Sum,
    /// <summary>Computed per member by its SQL (countback DSO, top-10, per collector): parts do not add up.</summary>
    PerGroup,
}

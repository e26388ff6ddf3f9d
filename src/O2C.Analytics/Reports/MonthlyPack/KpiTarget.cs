using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Metrics;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Warehouse;
using O2C.Analytics.Reports.QuarterlyReview;
namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>A KPI's target in force for a month, with its amber tolerance band.</summary>
public sealed record KpiTarget(string KpiId, decimal Target, decimal? Tolerance);

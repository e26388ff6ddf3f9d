namespace O2C.Analytics.Extract.Bank;

/// <summary>A parsed statement file: its statements and any control totals that failed.</summary>
public sealed record BankStatementFile(
    string FileName,
    string Format,
    IReadOnlyList<BankStatement> Statements,
    IReadOnlyList<ControlTotalProblem> Problems)
{
    public IEnumerable<BankTransaction> Credits => Statements.SelectMany(s => s.Transactions).Where(t => t.IsCredit);
}

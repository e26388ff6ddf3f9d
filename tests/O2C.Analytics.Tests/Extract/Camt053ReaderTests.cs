using System.Text;
using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Bank.Camt053;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Extract;

/// <summary>The camt.053 samples of ../shared/bankfiles/camt053 (genkgo/camt test data); figures read off the files.</summary>
public class Camt053ReaderTests
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Shared!, "bankfiles", "camt053", name);

    [SharedDataFact]
    public void The_payers_name_and_account_come_from_the_related_parties()
    {
        // minimal: the 8.85 EUR credit's debtor is NAME NAME, paying from NL56AGDH9619008421 (DbtrAcct/Id/IBAN).
        var credit = Assert.Single(Camt053Reader.Read(Sample("camt053.v2.minimal.xml")).Credits);
        Assert.Equal((8.85m, "NAME NAME", "NL56AGDH9619008421"), (credit.Amount, credit.CounterpartyName, credit.CounterpartyAccount));
    }

    [SharedDataFact]
    public void Every_version_yields_its_one_credit_of_8_85_eur_value_dated_2_january_2015()
    {
        foreach (var name in new[] { "camt053.v2.minimal.xml", "camt053.v2.minimal.ultimate.xml", "camt053.v2.with-party-ids.xml",
                     "camt053.v2.all-balance-types.xml", "camt053.v2.five.decimals.xml", "camt053.v3.xml", "camt053.v4.xml", "camt053.v8.xml" })
        {
            var credit = Assert.Single(Camt053Reader.Read(Sample(name)).Credits);
            Assert.Equal((8.85m, "EUR", new DateOnly(2015, 1, 2), new DateOnly(2014, 12, 31)),
                (credit.Amount, credit.Currency, credit.ValueDate, credit.BookingDate!.Value));
        }
    }

    [SharedDataFact]
    public void Remittance_counterparty_and_references_are_kept()
    {
        var v8 = Assert.Single(Camt053Reader.Read(Sample("camt053.v8.xml")).Credits);
        Assert.Equal(("AAAASESS-FP-CN_98765/01", "MUELL/FINP/RA12345", "NAME NAME"), (v8.BankReference, v8.CustomerReference, v8.CounterpartyName));
        Assert.Equal("4654654654654654", v8.RemittanceText); // structured creditor reference
        Assert.Equal("PMNT/RCDT/BOOK", v8.TypeCode);
        var v2 = Assert.Single(Camt053Reader.Read(Sample("camt053.v2.all-balance-types.xml")).Credits);
        Assert.Equal("Transaction Description", v2.RemittanceText); // unstructured
    }

    [SharedDataFact]
    public void Several_statements_in_one_file_each_balance()
    {
        var file = Camt053Reader.Read(Sample("camt053.v2.multi.statement.xml"));
        Assert.Empty(file.Problems); // 18.15 + 8.85 = 27.00; 27.00 - 7.00 = 20.00
        Assert.Equal(["253EURNL26VAYB8060476890", "254EURNL26VAYB8060476890"], file.Statements.Select(s => s.StatementId!));
        Assert.Equal([8.85m, -7.00m], file.Statements.SelectMany(s => s.Transactions).Select(t => t.Amount));
        Assert.Single(file.Credits);
    }

    [SharedDataFact]
    public void A_statement_without_value_date_uses_the_booking_date_and_the_entrys_currency()
    {
        var credit = Assert.Single(Camt053Reader.Read(Sample("camt053.v2.with-account-name.xml")).Credits);
        Assert.Equal((8.85m, "EUR", new DateOnly(2014, 12, 31)), (credit.Amount, credit.Currency, credit.ValueDate));
    }

    [SharedDataFact]
    public void Balances_that_do_not_add_up_in_the_published_samples_are_reported_with_the_figures()
    {
        // minimal: opening 18.15 CRDT + 8.85 = 27.00, but the closing balance is 27.00 DBIT.
        var problem = Assert.Single(Camt053Reader.Read(Sample("camt053.v2.minimal.xml")).Problems);
        Assert.Equal((-27.00m, 27.00m), (problem.Expected, problem.Actual));
        // five decimals: 18.150 + 8.850 = 27.000 against a closing 27.050.
        Assert.Equal((27.050m, 27.000m), (Camt053Reader.Read(Sample("camt053.v2.five.decimals.xml")).Problems[0].Expected,
            Camt053Reader.Read(Sample("camt053.v2.five.decimals.xml")).Problems[0].Actual));
    }

    [SharedDataFact]
    public void The_projects_own_invalid_sample_is_refused() =>
        Assert.Equal("camt053.v2.wrong.xml: line 3: the file holds no statement (Stmt)",
            Assert.Throws<BankFormatException>(() => Camt053Reader.Read(Sample("camt053.v2.wrong.xml"))).Message);

    [SharedDataFact]
    public void One_altered_amount_fails_the_balance_check()
    {
        var xml = File.ReadAllText(Sample("camt053.v2.multi.statement.xml")).Replace(">8.85<", ">8.95<");
        var file = Camt053Reader.Parse("altered.xml", new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        var problem = Assert.Single(file.Problems);
        Assert.Equal((27.00m, 27.10m), (problem.Expected, problem.Actual));
    }

    [Fact]
    public void Dtds_and_external_entities_are_refused()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>
            """;
        var error = Assert.Throws<BankFormatException>(() => Camt053Reader.Parse("laughs.xml", new MemoryStream(Encoding.UTF8.GetBytes(billionLaughs))));
        Assert.Contains("not well-formed or not allowed XML", error.Message);
        Assert.Contains("DTD", error.Message);
    }
}

/// <summary>A batched entry (one booking, several payments) built for the test from the v2 layout.</summary>
public class Camt053BatchTests
{
    [Fact]
    public void A_batched_entry_becomes_one_transaction_per_detail()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
              <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-10-02T08:00:00</CreDtTm></GrpHdr>
              <Stmt><Id>S1</Id><CreDtTm>2026-10-02T08:00:00</CreDtTm>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-09-30</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1600.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-10-01</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>2026-10-01</Dt></BookgDt><ValDt><Dt>2026-10-01</Dt></ValDt><AcctSvcrRef>BATCH-7</AcctSvcrRef>
                  <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
                    <TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">1000.00</Amt></TxAmt></AmtDtls>
                      <RltdPties><Dbtr><Nm>Alpha GmbH</Nm></Dbtr></RltdPties>
                      <RmtInf><Strd><RfrdDocInf><Nb>INV-0000101</Nb></RfrdDocInf></Strd></RmtInf></TxDtls>
                    <TxDtls><Refs><EndToEndId>E2E-2</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">500.00</Amt></TxAmt></AmtDtls>
                      <RltdPties><Dbtr><Nm>Beta AG</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Rechnung INV-0000202</Ustrd></RmtInf></TxDtls>
                  </NtryDtls></Ntry>
              </Stmt></BkToCstmrStmt></Document>
            """;
        var file = Camt053Reader.Parse("batch.xml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));
        Assert.Empty(file.Problems); // 100 + 1,500 = 1,600
        Assert.Equal(["1000.00|Alpha GmbH|E2E-1|INV-0000101", "500.00|Beta AG|E2E-2|Rechnung INV-0000202"],
            file.Credits.Select(c => $"{c.Amount:0.00}|{c.CounterpartyName}|{c.CustomerReference}|{c.RemittanceText}"));
    }
}

/// <summary>
/// Issue 24: returns on a camt.053.001.08 statement that only their bank transaction code names (no RvslInd): a refund
/// of ours bounced back (PMNT/ICDT/RRTN, a credit) and a direct debit of ours returned unpaid (PMNT/IDDT/UPDD, a
/// debit). Neither is a customer's payment; the returned debit takes back the receipt it collected.
/// </summary>
public class Camt053ReturnTests
{
    private static string Entry(string amount, string indicator, string family, string subFamily, string name) => $"""
        <Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
          <BookgDt><Dt>2026-10-05</Dt></BookgDt><ValDt><Dt>2026-10-05</Dt></ValDt>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{family}</Cd><SubFmlyCd>{subFamily}</SubFmlyCd></Fmly></Domn></BkTxCd>
          <NtryDtls><TxDtls><RltdPties><{(indicator == "CRDT" ? "Dbtr" : "Cdtr")}><Nm>{name}</Nm></{(indicator == "CRDT" ? "Dbtr" : "Cdtr")}></RltdPties>
          <RmtInf><Ustrd>RG2178</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        """;

    [Fact]
    public void A_bounced_refund_and_a_returned_direct_debit_are_no_payments()
    {
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
              <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-10-05T18:00:00</CreDtTm></GrpHdr>
              <Stmt><Id>S1</Id><CreDtTm>2026-10-05T18:00:00</CreDtTm>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                {Entry("1250.00", "CRDT", "RCDT", "ESCT", "NORDWIND HANDELS GMBH")}
                {Entry("340.00", "CRDT", "ICDT", "RRTN", "BRIGHTLINE FOODS LTD")}
                {Entry("980.00", "DBIT", "IDDT", "UPDD", "NORDLICHT TRADING")}
              </Stmt>
            </BkToCstmrStmt></Document>
            """;
        var file = Camt053Reader.Parse("returns.xml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));
        var credit = Assert.Single(file.Credits);
        Assert.Equal((1250.00m, "NORDWIND HANDELS GMBH"), (credit.Amount, credit.CounterpartyName));
        var entries = file.Statements.Single().Transactions;
        Assert.Equal((340.00m, true, false), (entries[1].Amount, entries[1].IsReversal, entries[1].IsCredit));
        Assert.Equal((-980.00m, true), (entries[2].Amount, entries[2].ReversesCredit));
    }
}

using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

/// <summary>
/// customer_payers.csv (issue 24) loads like any canonical file: a repeated, truncated or absurd row is rejected with its
/// line and reason, and the rest of the file loads.
/// </summary>
public sealed class CustomerPayersLoadTests
{
    [Fact]
    public void A_repeated_unknown_truncated_or_absurd_payer_row_is_rejected_and_the_rest_loads()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("customer_payers.csv", "customer_id,identifier_type,identifier",
            "C1,account,DE89 3704 0044 0532 0130 00",  // line 2: loads
            "C1,name,ACME HOLDINGS LLC",                // line 3: loads
            "C2,account,DE89 3704 0044 0532 0130 00",  // line 4: loads (one account, two customers: it names neither)
            "C1,name,ACME HOLDINGS LLC",                // line 5: line 3 again
            "C9,account,GB29NWBK60161331926819",        // line 6: no customer C9
            "C1,account,12-3",                          // line 7: too short for an account
            "C1,iban,GB29NWBK60161331926819",           // line 8: not account or name
            "C2,name");                                 // line 9: truncated, no identifier
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        Assert.Equal(["2", "3", "4"], w.Warehouse.Query("SELECT source_line::VARCHAR FROM customer_payers ORDER BY source_line", r => r.GetString(0)));
        Assert.Equal(
            [(5L, "duplicate_key"), (6L, "unknown_customer"), (7L, "implausible_account"), (8L, "invalid_value"), (9L, "malformed_row")],
            w.Warehouse.Query("SELECT line_number, reason_code FROM rejects WHERE file_name LIKE '%customer_payers.csv' ORDER BY line_number",
                r => (r.GetInt64(0), r.GetString(1))));
    }
}

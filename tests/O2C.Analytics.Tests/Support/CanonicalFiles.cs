namespace O2C.Analytics.Tests.Support;

/// <summary>Headers of the canonical CSV layouts, for tests that write small files by hand.</summary>
public static class CanonicalFiles
{
    public const string Customers = "customer_id,customer_name,segment,region,country_code,currency_code,payment_terms_days,credit_limit,risk_class,collector,bpo_team,e_invoicing";
    public const string Documents = "document_id,document_type,customer_id,order_date,ship_date,document_date,sent_date,due_date,amount,currency_code,corrects_document_id,dispute_id,delivery_channel";
    public const string Receipts = "receipt_id,customer_id,value_date,posted_date,amount,currency_code,payment_method,bank_reference,remittance_text";
    public const string Applications = "application_id,receipt_id,document_id,application_date,amount,match_method";
    public const string FxRates = "rate_date,from_currency,to_currency,rate";
    public const string Disputes = "dispute_id,dispute_kind,document_id,customer_id,category,amount,currency_code,opened_date,assigned_date,resolved_date,outcome,recovered_amount,owner";
    public const string Promises = "promise_id,customer_id,document_id,promise_date,promised_pay_date,promised_amount,currency_code,collector";
    public const string Activities = "activity_id,customer_id,document_id,activity_date,activity_type,outcome,collector";
    public const string WriteOffs = "write_off_id,document_id,write_off_date,amount,reason";
    public const string Holidays = "holiday_date,holiday_name";
    public const string StrategiesHeader = "strategy_id,score_band,channel,first_contact_days,cadence_days,call_after_days,description";
    public const string PilotsHeader = "pilot_id,strategy_id,start_date,pilot_share,seed,score_bands,pre_months,post_months,description";

    public static string Customer(string id, string currency = "USD", string region = "North America", string segment = "Enterprise") =>
        $"{id},Customer {id},{segment},{region},US,{currency},30,100000.00,B,Ann,Team A,true";

    public static string Invoice(string id, string customer, string date, string due, string amount, string currency = "USD") =>
        $"{id},invoice,{customer},,,{date},{date},{due},{amount},{currency},,,email";
}

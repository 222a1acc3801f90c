// ClaimsKit is the whole library face of the tool: the command line, and any program that audits
// commentary, imports it alone. Its API speaks in the value types every stage shares (claims,
// findings, periods, calendar dates, metrics, severities), so it re-exports the module that
// holds them. The stages (DocumentText, Recognizers, ClaimExtraction, ClaimStore, MarketMetrics,
// CrossCheck) stay behind it: a program that needs one of them directly imports it by name.
@_exported import ClaimModel

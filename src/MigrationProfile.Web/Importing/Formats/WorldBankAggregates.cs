using System.Collections.Frozen;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>
/// The World Bank's regional and income-group codes. They look like ISO3 country codes and sit among the
/// countries in WDI files and API replies, so the readers skip them by name.
/// </summary>
public static class WorldBankAggregates
{
    private static readonly FrozenSet<string> s_codes = FrozenSet.Create(StringComparer.Ordinal,
    [
        "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU", "FCS", "HIC", "HPC", "IBD",
        "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC",
        "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC",
        "WLD",
    ]);

    public static bool Contains(string code) => s_codes.Contains(code);
}

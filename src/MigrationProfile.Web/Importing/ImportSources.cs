using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;

namespace MigrationProfile.Web.Importing;

/// <summary>Which portal source each publisher format feeds, and the exact page of a series at its publisher.</summary>
public static class ImportSources
{
    public const string UnDesaMigrantStockUrl = "https://www.un.org/development/desa/pd/content/international-migrant-stock";
    public const string UnhcrDataFinderUrl = "https://www.unhcr.org/refugee-statistics/";

    /// <summary>The source's short name for a publisher format; null for the portal's CSV, whose rows name their source.</summary>
    public static string? SourceOf(ImportFormat format) => format switch
    {
        ImportFormat.WorldBankCsv or ImportFormat.WorldBankApi => ReferenceDataSeed.WorldBank,
        ImportFormat.UnhcrCsv or ImportFormat.UnhcrApi => ReferenceDataSeed.Unhcr,
        ImportFormat.UnDesaCsv => ReferenceDataSeed.UnDesa,
        _ => null,
    };

    /// <summary>How editors and the command line name a format: worldbank, unhcr, undesa, csv.</summary>
    public static string Title(ImportFormat format) => format switch
    {
        ImportFormat.WorldBankCsv => "World Bank WDI CSV",
        ImportFormat.WorldBankApi => "World Bank Indicators API",
        ImportFormat.UnhcrCsv => "UNHCR population statistics CSV",
        ImportFormat.UnhcrApi => "UNHCR Refugee Statistics API",
        ImportFormat.UnDesaCsv => "UN DESA International Migrant Stock CSV",
        ImportFormat.PortalCsv => "Portal CSV",
        _ => format.ToString(),
    };

    /// <summary>The figure's own page at its publisher, e.g. the World Bank's chart of one indicator for one country.</summary>
    public static string? SeriesUrl(ImportFormat format, string publisherCode, string? iso2) => format switch
    {
        ImportFormat.WorldBankCsv or ImportFormat.WorldBankApi => iso2 is null
            ? $"https://data.worldbank.org/indicator/{publisherCode}"
            : $"https://data.worldbank.org/indicator/{publisherCode}?locations={iso2}",
        ImportFormat.UnhcrCsv or ImportFormat.UnhcrApi => UnhcrDataFinderUrl,
        ImportFormat.UnDesaCsv => UnDesaMigrantStockUrl,
        _ => null,
    };
}

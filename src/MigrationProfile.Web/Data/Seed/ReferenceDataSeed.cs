using System.Globalization;
using System.Reflection;
using CsvHelper;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>
/// Data every profile shares: the Prague Process participating states, the indicators the publishers'
/// data feeds beyond the Kazakhstan page, and which publisher code feeds which indicator.
/// </summary>
internal static class ReferenceDataSeed
{
    public const string WorldBank = "World Bank";
    public const string Unhcr = "UNHCR";
    public const string UnDesa = "UN DESA";

    public sealed record StateRow(string Iso3, string Iso2, string Slug, string Name, string Region);

    /// <summary>The 49 participating states as the Prague Process lists them, with ISO codes and URL slugs.</summary>
    public static IReadOnlyList<StateRow> PragueProcessStates() => s_states.Value;

    private static readonly Lazy<IReadOnlyList<StateRow>> s_states = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("MigrationProfile.Web.Data.Seed.prague-process-states.csv")
            ?? throw new InvalidOperationException("The embedded list of Prague Process states is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<StateCsvRow>().Select(r => new StateRow(r.iso3, r.iso2, r.slug, r.name, r.region))];
    });

#pragma warning disable IDE1006 // the CSV's own lower-case column names
    private sealed record StateCsvRow(string iso3, string iso2, string slug, string name, string region);
#pragma warning restore IDE1006

    public static IReadOnlyList<IndicatorDefinition> Indicators() =>
    [
        new() { Code = "net-migration", Name = "Net migration", Panel = IndicatorPanel.MigrantStocksAndFlows, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 3,
            Description = "Immigrants minus emigrants over the year, citizens and non-citizens alike." },
        new() { Code = "stateless", Name = "Stateless persons", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 4,
            Description = "People not considered nationals by any state, living in the country." },
        new() { Code = "other-in-need-of-protection", Name = "Other people in need of international protection", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 5,
            Description = "People outside their country who need international protection but are not recorded as refugees or asylum seekers." },
        new() { Code = "refugees-abroad", Name = "Refugees from the country abroad", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 6,
            Description = "Refugees who come from the country, hosted by other countries." },
        new() { Code = "remittances-received", Name = "Remittances received", Panel = IndicatorPanel.EconomyAndTerritory, ValueKind = ValueKind.Money, Unit = "current prices", SortOrder = 3,
            Description = "Personal transfers and compensation of employees received from abroad." },
    ];

    public sealed record MappingRow(string Source, string PublisherCode, string PublisherName, string Indicator, string Series = "", string? Currency = null);

    public static IReadOnlyList<MappingRow> Mappings() =>
    [
        new(WorldBank, "SP.POP.TOTL", "Population, total", "population"),
        new(WorldBank, "SM.POP.NETM", "Net migration", "net-migration"),
        new(WorldBank, "SL.UEM.TOTL.ZS", "Unemployment, total (% of total labor force) (modeled ILO estimate)", "unemployment-rate"),
        new(WorldBank, "NY.GDP.MKTP.CD", "GDP (current US$)", "gdp", Currency: "USD"),
        new(WorldBank, "BX.TRF.PWKR.CD.DT", "Personal remittances, received (current US$)", "remittances-received", Currency: "USD"),
        new(Unhcr, "refugees", "Refugees under UNHCR's mandate, by country of asylum", "refugees"),
        new(Unhcr, "asylum_seekers", "Asylum-seekers, by country of asylum", "asylum-seekers"),
        new(Unhcr, "idps", "Internally displaced persons of concern to UNHCR", "idps"),
        new(Unhcr, "stateless", "Stateless persons, by country of residence", "stateless"),
        new(Unhcr, "oip", "Other people in need of international protection, by country of asylum", "other-in-need-of-protection"),
        new(Unhcr, "refugees_abroad", "Refugees under UNHCR's mandate, by country of origin", "refugees-abroad"),
        new(UnDesa, "immigrant-stock", "International migrant stock at mid-year, both sexes, by destination (sum over origins)", "immigration", Series: "Immigration Stock"),
        new(UnDesa, "emigrant-stock", "International migrant stock at mid-year, both sexes, by origin (sum over destinations)", "emigration", Series: "Emigration Stock"),
    ];
}

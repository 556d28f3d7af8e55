using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>
/// The Kazakhstan profile as first published (latest update 9 September 2024): every figure, source, period,
/// name and title carried over exactly. Links are given only where a real public page is known.
/// </summary>
internal static class KazakhstanProfileSeed
{
    public const string CountrySlug = "kazakhstan";

    // The same pages the importers link, so an imported figure and its seeded neighbour point alike.
    private const string UnDesaMigrantStockUrl = Importing.ImportSources.UnDesaMigrantStockUrl;
    private const string UnhcrDataFinderUrl = Importing.ImportSources.UnhcrDataFinderUrl;
    private const string GlobalcitDatasetUrl = "https://globalcit.eu/databases/globalcit-citizenship-law-dataset/";
    private const string UnDesaEdition = "International Migrant Stock 2024";

    // The seed links every publication to a placeholder; no address is invented.
    private static readonly string[] s_publicationTitles =
    [
        "Russian “Relokanty” in the Caucasus and Central Asia",
        "Combating irregular migration and human trafficking in the CIS countries",
        "Asylum seekers from the Eastern Partnership and Central Asian Countries in the EU",
        "Migration and Mobility in Eastern Europe and Central Asia: What to expect in times of COVID-19?",
        "The EU Central Asia Strategy and Its Impact on Migration",
        "Addressing the Challenges of Labour Migration within the EAEU",
        "China's \"Belt and Road\" Initiative and Its Impact on Migration Flows and Policies in Central Asia",
        "Kazakhstan Extended Migration Profile 2010",
        "Kazakhstan Migration Profile Light 2015",
        "Advanced Migration Profile 2014-2019",
        "Overview of the migration situation in Kazakhstan — Quarterly Report (January – March 2023)",
        "Overview of the migration situation in Kazakhstan — Quarterly Report (October – December 2023)",
    ];

    /// <summary>
    /// Why the World Bank's and STAT KZ's working-age figures differ, saying only what the sources state: the World Bank's
    /// indicator is defined as ages 15 to 64; the page the profile was seeded from gives the national figure's period but
    /// not its definition. The migration that added the column wrote the same text into existing databases.
    /// </summary>
    public const string WorkingAgeReconciliationNote =
        "The two figures need not count the same people. The World Bank's is the population aged 15 to 64 in 2024 " +
        "(its indicator SP.POP.1564.TO). STAT KZ's is for the third quarter of 2024; the page this profile was first " +
        "published from does not say which ages or which definition of working age it uses. Until that is recorded here, " +
        "read them as two different measures, not as one correcting the other.";

    public static IReadOnlyList<Source> Sources() =>
    [
        new() { ShortName = "World Bank", FullName = "World Bank, World Development Indicators", HomepageUrl = "https://data.worldbank.org/", Scope = SourceScope.International },
        new() { ShortName = "STAT KZ", FullName = "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of Kazakhstan", HomepageUrl = "https://stat.gov.kz/", Scope = SourceScope.National },
        new() { ShortName = "UN DESA", FullName = "United Nations Department of Economic and Social Affairs, Population Division: International Migrant Stock", HomepageUrl = UnDesaMigrantStockUrl, Scope = SourceScope.International },
        new() { ShortName = "UNHCR", FullName = "UNHCR, the UN Refugee Agency: Refugee Data Finder", HomepageUrl = UnhcrDataFinderUrl, Scope = SourceScope.International },
        // The seed names the Commonwealth of Independent States without a link; none is invented here.
        new() { ShortName = "CIS", FullName = "Commonwealth of Independent States", HomepageUrl = null, Scope = SourceScope.Regional },
        new() { ShortName = "GLOBALCIT", FullName = "Global Citizenship Observatory (GLOBALCIT)", HomepageUrl = "https://globalcit.eu/", Scope = SourceScope.International },
        new() { ShortName = "CIA World Factbook", FullName = "The World Factbook, Central Intelligence Agency (United States)", HomepageUrl = "https://www.cia.gov/the-world-factbook/", Scope = SourceScope.International },
    ];

    public static IReadOnlyList<IndicatorDefinition> Indicators() =>
    [
        new() { Code = "population", Name = "Population", Panel = IndicatorPanel.PopulationAndLabour, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 1,
            Description = "Total resident population." },
        new() { Code = "working-age-population", Name = "Working-age population", Panel = IndicatorPanel.PopulationAndLabour, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 2,
            Description = "People of working age; the World Bank counts ages 15 to 64.",
            ReconciliationNote = WorkingAgeReconciliationNote },
        new() { Code = "unemployment-rate", Name = "Unemployment rate", Panel = IndicatorPanel.PopulationAndLabour, ValueKind = ValueKind.Percent, Unit = "%", SortOrder = 3,
            Description = "Unemployed people as a share of the labour force." },
        new() { Code = "immigration", Name = "Immigration", Panel = IndicatorPanel.MigrantStocksAndFlows, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 1,
            Description = "People who moved into the country: the stock living there, or the flow arriving in a period." },
        new() { Code = "emigration", Name = "Emigration", Panel = IndicatorPanel.MigrantStocksAndFlows, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 2,
            Description = "People who moved out of the country: the stock living abroad, or the flow leaving in a period." },
        new() { Code = "refugees", Name = "Refugees", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 1,
            Description = "Refugees hosted in the country." },
        new() { Code = "asylum-seekers", Name = "Asylum Seekers", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 2,
            Description = "People whose claim for international protection awaits a decision." },
        new() { Code = "idps", Name = "IDPs", Panel = IndicatorPanel.RefugeesAndAsylum, ValueKind = ValueKind.Count, Unit = "persons", SortOrder = 3,
            Description = "Internally displaced persons." },
        new() { Code = "citizenship-by-birth", Name = "By Birth", Panel = IndicatorPanel.Citizenship, ValueKind = ValueKind.YesNo, SortOrder = 1,
            Description = "Whether birth in the country's territory confers citizenship." },
        new() { Code = "citizenship-by-descent", Name = "By Descent", Panel = IndicatorPanel.Citizenship, ValueKind = ValueKind.YesNo, SortOrder = 2,
            Description = "Whether a child of a citizen acquires citizenship." },
        new() { Code = "citizenship-years-of-residency", Name = "Years of Residency", Panel = IndicatorPanel.Citizenship, ValueKind = ValueKind.Years, Unit = "years", SortOrder = 3,
            Description = "Years of residence required before naturalisation." },
        new() { Code = "gdp", Name = "GDP", Panel = IndicatorPanel.EconomyAndTerritory, ValueKind = ValueKind.Money, Unit = "current prices", SortOrder = 1,
            Description = "Gross domestic product at current prices." },
        new() { Code = "territory", Name = "Territory", Panel = IndicatorPanel.EconomyAndTerritory, ValueKind = ValueKind.Area, Unit = "km²", SortOrder = 2,
            Description = "Total area." },
    ];

    /// <summary>The country with all its content; sources and indicators are looked up by short name and code.</summary>
    public static Country Country(IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, IndicatorDefinition> indicators)
    {
        Observation Figure(string indicator, string source, int? year, decimal? value = null, int? quarter = null,
            string series = "", string edition = "", string? currency = null, bool? yesNo = null, string? qualifier = null,
            string? url = null, string? note = null) => new()
            {
                Indicator = indicators[indicator],
                Source = sources[source],
                PeriodYear = year,
                PeriodQuarter = quarter,
                NumericValue = value,
                BooleanValue = yesNo,
                Qualifier = qualifier,
                Series = series,
                Edition = edition,
                Currency = currency,
                SourceUrl = url,
                Note = note,
            };

        static string WorldBank(string code) => $"https://data.worldbank.org/indicator/{code}?locations=KZ";

        return new Country
        {
            Slug = CountrySlug,
            Iso3Code = "KAZ",
            Name = "Kazakhstan",
            LatestUpdate = new DateOnly(2024, 9, 9),
            GeneralInformationNote = "Data from international sources is updated automatically as it becomes available.",
            Observations =
            [
                Figure("population", "World Bank", 2024, 20_592_571m, url: WorldBank("SP.POP.TOTL")),
                Figure("population", "STAT KZ", 2024, 20_243_981m),
                Figure("working-age-population", "World Bank", 2024, 12_761_934m, url: WorldBank("SP.POP.1564.TO")),
                Figure("working-age-population", "STAT KZ", 2024, 9_735_000m, quarter: 3),
                Figure("unemployment-rate", "World Bank", 2022, 4.9m, url: WorldBank("SL.UEM.TOTL.ZS")),
                Figure("unemployment-rate", "STAT KZ", 2024, 4.6m, quarter: 3),

                Figure("immigration", "UN DESA", 2024, 2_089_797m, series: "Immigration Stock", edition: UnDesaEdition, url: UnDesaMigrantStockUrl),
                Figure("immigration", "STAT KZ", 2024, 20_383m, quarter: 3, series: "Flow"),
                Figure("emigration", "UN DESA", 2024, 2_796_572m, series: "Emigration Stock", edition: UnDesaEdition, url: UnDesaMigrantStockUrl),
                Figure("emigration", "STAT KZ", 2024, 10_201m, quarter: 3, series: "Flow"),

                Figure("refugees", "UNHCR", 2024, 65_833m, url: UnhcrDataFinderUrl),
                Figure("refugees", "CIS", 2023, 259m),
                Figure("asylum-seekers", "UNHCR", 2024, 319m, url: UnhcrDataFinderUrl),
                Figure("asylum-seekers", "CIS", 2023, 316m),
                Figure("idps", "UNHCR", 2024, 0m, url: UnhcrDataFinderUrl),

                Figure("citizenship-by-birth", "GLOBALCIT", 2024, yesNo: false, url: GlobalcitDatasetUrl),
                Figure("citizenship-by-descent", "GLOBALCIT", 2024, yesNo: true, qualifier: "conditional", url: GlobalcitDatasetUrl),
                Figure("citizenship-years-of-residency", "GLOBALCIT", 2024, 5m, url: GlobalcitDatasetUrl),

                Figure("gdp", "World Bank", 2024, 288_406_138_230.7m, currency: "USD", url: WorldBank("NY.GDP.MKTP.CD")),
                Figure("gdp", "STAT KZ", 2023, 119_748_439_100_000m, currency: "KZT"),
                // The seed gives the Factbook's area without a year; none is invented.
                Figure("territory", "CIA World Factbook", null, 2_724_900m),
            ],
            Authorities =
            [
                new() { Role = AuthorityRole.ResponsibleBody, SortOrder = 1, Name = "Ministry of Labor and Social Protection of Population" },
                new() { Role = AuthorityRole.LineMinistry, SortOrder = 1, Name = "Ministry of Interior" },
                new() { Role = AuthorityRole.LineMinistry, SortOrder = 2, Name = "Ministry of Foreign Affairs" },
                new() { Role = AuthorityRole.Agency, SortOrder = 1, Name = "Committee of labor, social protection and migration of the Ministry of Labour and Social Protection of Population of the Republic of Kazakhstan" },
                new() { Role = AuthorityRole.Agency, SortOrder = 2, Name = "Committee of migration service of the Ministry of Internal Affairs of Kazakhstan" },
                new() { Role = AuthorityRole.Agency, SortOrder = 3, Name = "National Security Committee of the Republic of Kazakhstan" },
                new() { Role = AuthorityRole.Agency, SortOrder = 4, Name = "Border Service of the National Security Committee of the Republic of Kazakhstan" },
            ],
            PolicyDocuments =
            [
                new() { SortOrder = 1, Kind = PolicyDocumentKind.Concept, Title = "Migration Policy Concept 2023-2027" },
                new() { SortOrder = 2, Kind = PolicyDocumentKind.Strategy, Title = "‘Kazakhstan-2050’ Strategy" },
                new() { SortOrder = 3, Kind = PolicyDocumentKind.Plan, Title = "Strategic Development Plan until 2025" },
                new() { SortOrder = 4, Kind = PolicyDocumentKind.Concept, Title = "Concept of Migration Policy for 2017-2021" },
                new() { SortOrder = 5, Kind = PolicyDocumentKind.Law, Title = "Law on Migration", YearAdopted = 2011, YearLastAmended = 2018 },
                new() { SortOrder = 6, Kind = PolicyDocumentKind.Law, Title = "Law on the Legal Status of Foreigners", YearAdopted = 1995, YearLastAmended = 2021 },
                new() { SortOrder = 7, Kind = PolicyDocumentKind.Law, Title = "Law of Refugees", YearAdopted = 2009, YearLastAmended = 2021 },
            ],
            NarrativeSections = [.. KazakhstanNarrative.Sections()],
            Publications =
            [
                .. s_publicationTitles.Select((title, index) => new Publication { Title = title, SortOrder = index + 1 }),
            ],
        };
    }
}

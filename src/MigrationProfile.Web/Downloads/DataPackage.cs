using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Downloads;

/// <summary>
/// A profile as a Frictionless Data Package (v2): data.csv with every figure, one CSV per indicator,
/// datapackage.json describing them (Table Schema per file, sources, licences) and a README saying how to cite.
/// </summary>
public static class DataPackage
{
    public const string ContentType = "application/zip";
    private const string ProfileUrl = "https://datapackage.org/profiles/2.0/datapackage.json";

    /// <summary>The links every description of a profile's downloads shares: the page, the files, the API.</summary>
    public sealed record Links(string Home, string Profile, string Csv, string Package, string Api, string BibTeX, string Ris);

    public static Links LinksFor(string baseUrl, string slug) => new($"{baseUrl}/",
        $"{baseUrl}/countries/{slug}", $"{baseUrl}/countries/{slug}/data.csv", $"{baseUrl}/countries/{slug}/datapackage.zip",
        $"{baseUrl}/api/v1/countries/{slug}/profile", $"{baseUrl}/countries/{slug}/cite.bib", $"{baseUrl}/countries/{slug}/cite.ris");

    public static async Task<byte[]> WriteAsync(ProfileData data, ProfileCitation citation, Links links, DateTimeOffset created,
        CancellationToken cancellationToken)
    {
        var indicators = data.CsvFigures.GroupBy(f => f.IndicatorCode).ToList();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "data.csv", await ProfileCsv.WriteAsync(data.Country, data.Figures, cancellationToken), created);
            foreach (var indicator in indicators)
            {
                await AddAsync(zip, IndicatorPath(indicator.Key), await ProfileCsv.WriteAsync(data.Country, indicator, cancellationToken), created);
            }
            var descriptor = Descriptor(data, citation, links, created);
            await AddAsync(zip, "datapackage.json", JsonSerializer.SerializeToUtf8Bytes(descriptor, s_indented), created);
            await AddAsync(zip, "README.md", Encoding.UTF8.GetBytes(Readme(data, citation, links)), created);
        }
        return buffer.ToArray();
    }

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string IndicatorPath(string code) => $"indicators/{code}.csv";

    private static async Task AddAsync(ZipArchive zip, string path, byte[] content, DateTimeOffset created)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = created;
        await using var stream = await entry.OpenAsync();
        await stream.WriteAsync(content);
    }

    /// <summary>The datapackage.json descriptor (Frictionless Data Package v2).</summary>
    public static JsonObject Descriptor(ProfileData data, ProfileCitation citation, Links links, DateTimeOffset created)
    {
        var country = data.Country;
        var csvFigures = data.CsvFigures.ToList();
        var resources = new JsonArray
        {
            Resource("data", "data.csv", $"{country.Name}: every figure",
                $"Every numeric figure of the {country.Name} profile with a stated year, one line per figure: all years, sources, series and editions.",
                csvFigures),
        };
        foreach (var indicator in csvFigures.GroupBy(f => f.IndicatorCode))
        {
            var first = indicator.First();
            resources.Add(Resource($"indicator-{indicator.Key}", IndicatorPath(indicator.Key), $"{country.Name}: {first.IndicatorName}",
                first.IndicatorDescription ?? $"{first.IndicatorName} in {country.Name}, every source and year.", [.. indicator]));
        }
        return new JsonObject
        {
            ["$schema"] = ProfileUrl,
            ["name"] = $"migrationprofile-{country.Slug}",
            ["id"] = links.Package,
            ["title"] = citation.Title,
            ["description"] = $"Figures of the {country.Name} migration profile published by {ProfileCitation.PortalName}, each with its " +
                "source, edition, series, period, unit, link and retrieval date. Cite the portal and each publisher (see README.md). " +
                "CSV files are UTF-8 with a byte order mark; an empty cell is a missing value.",
            ["homepage"] = links.Profile,
            ["version"] = FigureFormatter.IsoDate(country.LatestUpdate),
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["keywords"] = new JsonArray("migration", "Prague Process", country.Name, country.Iso3Code),
            ["contributors"] = new JsonArray(new JsonObject
            {
                ["title"] = ProfileCitation.PortalName,
                ["path"] = links.Profile,
                ["roles"] = new JsonArray("publisher"),
            }),
            ["licenses"] = Licences(citation.Publishers),
            ["sources"] = Sources(citation.Publishers),
            ["resources"] = resources,
        };
    }

    private static JsonObject Resource(string name, string path, string title, string description, List<DataFigure> figures)
    {
        var credits = PublisherCredit.From(figures);
        return new JsonObject
        {
            ["name"] = name,
            ["type"] = "table",
            ["path"] = path,
            ["title"] = title,
            ["description"] = description,
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["licenses"] = Licences(credits),
            ["sources"] = Sources(credits),
            ["schema"] = TableSchema(),
        };
    }

    /// <summary>The Table Schema of the portal CSV; one for every file, since every file has the same columns.</summary>
    public static JsonObject TableSchema()
    {
        static JsonObject Field(string name, string type, string description, bool required = false, JsonObject? extra = null)
        {
            var field = new JsonObject { ["name"] = name, ["type"] = type, ["description"] = description };
            if (required)
            {
                field["constraints"] = new JsonObject { ["required"] = true };
            }
            foreach (var (key, value) in extra ?? [])
            {
                field[key] = value?.DeepClone();
            }
            return field;
        }
        // Edition and series are part of a figure's key and empty when the source has none: there, "" is a value, not a gap.
        JsonObject EmptyIsValue() => new() { ["missingValues"] = new JsonArray() };
        return new JsonObject
        {
            ["fields"] = new JsonArray(
                Field("country", "string", "The country's name.", required: true),
                Field("iso3", "string", "ISO 3166-1 alpha-3 code of the country.", required: true,
                    new JsonObject { ["constraints"] = new JsonObject { ["required"] = true, ["pattern"] = "[A-Z]{3}" } }),
                Field("indicator", "string", "What is measured, as the portal names it.", required: true),
                Field("indicator_code", "string", "The portal's stable code for the indicator.", required: true),
                Field("source", "string", "The publisher, by the short name the portal shows (see sources in datapackage.json and README.md).", required: true),
                Field("edition", "string", "The publisher's release the figure comes from, e.g. International Migrant Stock 2024; empty where the publisher issues none.",
                    extra: EmptyIsValue()),
                Field("series", "string", "Which measure of the indicator, as the source names it (e.g. Immigration Stock, Flow); empty when there is one.",
                    extra: EmptyIsValue()),
                Field("year", "integer", "Reference year.", required: true),
                Field("quarter", "integer", "1 to 4 for a quarterly figure; empty for a yearly one.",
                    extra: new JsonObject { ["constraints"] = new JsonObject { ["minimum"] = 1, ["maximum"] = 4 } }),
                Field("period", "string", "The period as the profile prints it: 2024, or 2024 Q3.", required: true),
                Field("value", "number", "The figure exactly as the source published it: a point for decimals, no grouping, no exponent.", required: true),
                Field("unit", "string", "The indicator's unit (persons, %, km², years), or for money the ISO 4217 currency code; empty for plain counts without a unit."),
                Field("source_url", "string", "The figure's own page at its publisher; empty where none is known (the publisher's home page is in sources).",
                    extra: new JsonObject { ["format"] = "uri" }),
                Field("retrieved", "date", "The day (UTC) the figure was taken from its publisher; empty where not recorded.")),
            ["missingValues"] = new JsonArray(""),
            // Period stands for year and quarter (always present); edition and series are "" rather than missing.
            ["primaryKey"] = new JsonArray("iso3", "indicator_code", "source", "edition", "series", "period"),
        };
    }

    private static JsonArray Licences(IEnumerable<PublisherCredit> credits)
    {
        var licences = new JsonArray();
        foreach (var licence in credits.Select(c => c.Licence).DistinctBy(l => (l.OpenDefinitionId, l.Text)))
        {
            var entry = new JsonObject { ["name"] = licence.OpenDefinitionId, ["title"] = licence.Text };
            if (licence.Url is not null)
            {
                entry["path"] = licence.Url;
            }
            licences.Add(entry);
        }
        if (licences.Count == 0)
        {
            licences.Add(new JsonObject { ["name"] = "notspecified", ["title"] = "No figures: nothing is licensed" });
        }
        return licences;
    }

    private static JsonArray Sources(IEnumerable<PublisherCredit> credits)
    {
        var sources = new JsonArray();
        foreach (var credit in credits)
        {
            var source = new JsonObject { ["title"] = credit.Title };
            if (credit.Link is not null)
            {
                source["path"] = credit.Link;
            }
            if (credit.Edition.Length > 0)
            {
                source["version"] = credit.Edition;
            }
            sources.Add(source);
        }
        return sources;
    }

    /// <summary>README.md: what the files are, how to cite the portal and each publisher, what the CSV leaves out.</summary>
    public static string Readme(ProfileData data, ProfileCitation citation, Links links)
    {
        var country = data.Country;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {citation.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Figures of the {country.Name} profile ({links.Profile}), as published by {ProfileCitation.PortalName} ");
        text.Append(CultureInfo.InvariantCulture, $"(latest update {FigureFormatter.Date(country.LatestUpdate)}).\n\n");
        text.Append("## How to cite\n\nCite the portal:\n\n");
        text.Append(CultureInfo.InvariantCulture, $"> {citation.PlainText}\n\n");
        text.Append("and the publisher of each figure you use (the `source` and `edition` columns):\n\n");
        if (citation.Publishers.Count == 0)
        {
            text.Append("- No figures are published for this country yet.\n");
        }
        foreach (var publisher in citation.Publishers)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{publisher.ShortName}**{(publisher.Edition.Length > 0 ? $" ({publisher.Edition})" : "")}: {publisher.CitationLine}\n");
        }
        text.Append("\nBibTeX and RIS: ").Append(links.BibTeX).Append(" and ").Append(links.Ris).Append(".\n\n");
        text.Append("## Files\n\n");
        text.Append("- `data.csv`: every numeric figure with a stated year, all years, sources, series and editions.\n");
        foreach (var indicator in data.CsvFigures.GroupBy(f => f.IndicatorCode))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{IndicatorPath(indicator.Key)}`: {indicator.First().IndicatorName}.\n");
        }
        text.Append("- `datapackage.json`: the Frictionless Data Package (v2) descriptor: columns, types, key, sources and licences.\n\n");
        text.Append("## Format\n\n");
        text.Append("The portal's tidy CSV: comma-separated, RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark ");
        text.Append("(so Excel shows non-ASCII text correctly; R's `read.csv` in a UTF-8 locale, `readr::read_csv` and Frictionless skip it; ");
        text.Append("in pandas use `encoding=\"utf-8-sig\"`). Columns: ");
        text.Append(string.Join(", ", Importing.Formats.PortalCsv.Columns.Select(c => $"`{c}`"))).Append(".\n");
        text.Append("Values are exactly as the publisher gave them: a point for decimals, no grouping, no exponent. ");
        text.Append("`unit` is the currency code for money. An empty cell is missing. The same file can be edited and imported back into the portal.\n");
        text.Append(CultureInfo.InvariantCulture, $"The same figures are served as JSON at {links.Api}.\n");

        var left = data.Figures.Where(f => !f.FitsCsv).ToList();
        if (left.Count > 0)
        {
            text.Append("\n## Figures not in the CSV files\n\n");
            text.Append("Yes/no and text answers are not numbers, and a figure without a stated year has no place in the CSV's key; they are:\n\n");
            foreach (var figure in left)
            {
                var (value, unit) = FigureFormatter.Value(figure.ValueKind, figure.IndicatorUnit, figure.NumericValue, figure.BooleanValue,
                    figure.TextValue, figure.Qualifier, figure.Currency);
                var series = figure.Series.Length > 0 ? $" {figure.Series}" : "";
                var edition = figure.Edition.Length > 0 ? $", {figure.Edition}" : "";
                text.Append(CultureInfo.InvariantCulture,
                    $"- {figure.IndicatorName} (`{figure.IndicatorCode}`): {value}{(unit is null ? "" : $" {unit}")}; {figure.SourceShortName}{series}{edition}; {FigureFormatter.Period(figure.Year, figure.Quarter)}\n");
            }
        }
        return text.ToString();
    }

}

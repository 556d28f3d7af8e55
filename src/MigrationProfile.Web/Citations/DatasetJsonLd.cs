using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Citations;

/// <summary>
/// schema.org Dataset markup for a profile, so search engines and dataset catalogues find the data and its files.
/// Serialised by System.Text.Json with its default encoder, which writes &lt;, &gt; and &amp; as \u escapes:
/// no text from the database can close the script element it sits in.
/// </summary>
public static class DatasetJsonLd
{
    public static string For(ProfileData data, ProfileCitation citation, DataPackage.Links links, string description) =>
        For(Facts(data, citation), citation, links, description);

    /// <param name="facts">What the profile's figures cover.</param>
    /// <param name="citation">The profile's citation.</param>
    /// <param name="links">The profile's addresses and downloads.</param>
    /// <param name="description">The page's description, in the page's language.</param>
    /// <param name="inLanguage">The page's language code ("en", "ru").</param>
    public static string For(CitationFacts facts, ProfileCitation citation, DataPackage.Links links, string description, string inLanguage = "en") =>
        Build(facts, citation, links.Home, links.Profile, description, inLanguage,
        [
            Download("All figures (CSV)", links.Csv, "text/csv"),
            Download("Data package (Frictionless, ZIP)", links.Package, "application/zip"),
            Download("Profile (JSON API)", links.Api, "application/json"),
        ]);

    /// <summary>The Dataset of one indicator page: its figures as CSV (when there are any) and through the observations API.</summary>
    /// <param name="data">The indicator's figures, every source and edition.</param>
    /// <param name="citation">The indicator page's citation.</param>
    /// <param name="home">The portal's home address.</param>
    /// <param name="page">The indicator page's permalink.</param>
    /// <param name="csv">The indicator's CSV download, or null when no figure fits the CSV.</param>
    /// <param name="api">The observations API filtered to this country and indicator.</param>
    /// <param name="description">One sentence on what the page holds.</param>
    /// <param name="inLanguage">The page's language code ("en", "ru").</param>
    public static string ForIndicator(ProfileData data, ProfileCitation citation, string home, string page, string? csv, string api,
        string description, string inLanguage = "en")
    {
        List<JsonObject> downloads = [];
        if (csv is not null)
        {
            downloads.Add(Download("These figures (CSV)", csv, "text/csv"));
        }
        downloads.Add(Download("These figures (JSON API)", api, "application/json"));
        return Build(Facts(data, citation), citation, home, page, description, inLanguage, downloads);
    }

    private static CitationFacts Facts(ProfileData data, ProfileCitation citation)
    {
        var years = data.Figures.Where(f => f.Year is not null).Select(f => f.Year!.Value).ToList();
        return new CitationFacts(data.Country, citation.Publishers, [.. data.Figures.Select(f => f.IndicatorName).Distinct()],
            years.Count == 0 ? null : years.Min(), years.Count == 0 ? null : years.Max());
    }

    private static string Build(CitationFacts facts, ProfileCitation citation, string home, string url, string description,
        string inLanguage, IEnumerable<JsonObject> downloads)
    {
        var country = facts.Country;
        var portal = new JsonObject { ["@type"] = "Organization", ["name"] = ProfileCitation.PortalName, ["url"] = home };
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = citation.Title,
            ["description"] = description,
            ["url"] = url,
            ["identifier"] = url,
            ["inLanguage"] = inLanguage,
            ["isAccessibleForFree"] = true,
            ["creator"] = portal,
            ["publisher"] = portal.DeepClone(),
            ["dateModified"] = FigureFormatter.IsoDate(country.LatestUpdate),
            ["spatialCoverage"] = new JsonObject
            {
                ["@type"] = "Country",
                ["name"] = country.Name,
                ["identifier"] = country.Iso3Code,
            },
            ["variableMeasured"] = new JsonArray([.. facts.Indicators.Select(n => (JsonNode)JsonValue.Create(n)!)]),
            ["license"] = new JsonArray([.. citation.Publishers.Select(p => p.Licence).DistinctBy(l => l.Text)
                .Select(l => (JsonNode)JsonValue.Create(l.Url ?? l.Text)!)]),
            ["isBasedOn"] = new JsonArray([.. citation.Publishers.Select(p => (JsonNode)Credit(p))]),
            ["citation"] = new JsonArray([.. citation.Publishers.Select(p => (JsonNode)JsonValue.Create(p.CitationLine)!)]),
            ["distribution"] = new JsonArray([.. downloads]),
        };
        if (facts is { FirstYear: int first, LastYear: int last })
        {
            dataset["temporalCoverage"] = $"{first.ToString(CultureInfo.InvariantCulture)}/{last.ToString(CultureInfo.InvariantCulture)}";
        }
        return dataset.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Credit(PublisherCredit credit)
    {
        var node = new JsonObject
        {
            ["@type"] = "Dataset",
            ["name"] = credit.Title,
            ["creator"] = new JsonObject { ["@type"] = "Organization", ["name"] = credit.FullName },
        };
        if (credit.Link is not null)
        {
            node["url"] = credit.Link;
        }
        if (credit.Edition.Length > 0)
        {
            node["version"] = credit.Edition;
        }
        if (credit.Licence.Url is not null)
        {
            node["license"] = credit.Licence.Url;
        }
        return node;
    }

    private static JsonObject Download(string name, string url, string format) => new()
    {
        ["@type"] = "DataDownload",
        ["name"] = name,
        ["contentUrl"] = url,
        ["encodingFormat"] = format,
    };
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Citations;

/// <summary>
/// The terms a publisher's figures come under. <paramref name="OpenDefinitionId"/> is an Open Definition licence id
/// ("CC-BY-4.0", "other-at" for reuse with attribution, "notspecified" where none is recorded).
/// </summary>
public sealed record PublisherLicence(string Text, string OpenDefinitionId, string? Url)
{
    public const string NotRecorded = "Licence not recorded by the portal: see the publisher's terms of use";

    /// <summary>The terms as a page in the reader's language says them; the licence's own name (CC BY 4.0) as it is.</summary>
    public string TextIn(DisplayFormat format) => OpenDefinitionId switch
    {
        "CC-BY-4.0" => format.Text["Licence: {0}", "CC BY 4.0"],
        _ => format.Text[Text],
    };
}

/// <summary>One publisher and edition behind some of a profile's figures: who to cite, under which terms, when taken.</summary>
public sealed record PublisherCredit(
    string ShortName, string FullName, string Edition, string? Link, PublisherLicence Licence,
    DateOnly? FirstRetrieved, DateOnly? LastRetrieved, DateOnly? PublisherUpdatedOn, int? FirstYear, int? LastYear,
    IReadOnlyList<string> Indicators, string? FullNameLanguage = null)
{
    /// <summary>"World Bank, World Development Indicators", with the edition where there is one.</summary>
    public string Title => Edition.Length == 0 ? FullName : $"{FullName}, {Edition}";

    /// <summary>"retrieved 1 July 2026", "retrieved 2 May 2026 to 1 July 2026" or "retrieval date not recorded".</summary>
    public string Retrieval => (FirstRetrieved, LastRetrieved) switch
    {
        (DateOnly first, DateOnly last) when first == last => $"retrieved {FigureFormatter.Date(last)}",
        (DateOnly first, DateOnly last) => $"retrieved {FigureFormatter.Date(first)} to {FigureFormatter.Date(last)}",
        _ => "retrieval date not recorded",
    };

    /// <summary>One line for a reference list: publisher and edition, terms, link and retrieval.</summary>
    public string CitationLine =>
        $"{Title}. {Licence.Text}. {Link ?? "No public link recorded"}; {Retrieval}" +
        (PublisherUpdatedOn is { } updated ? $"; publisher updated {FigureFormatter.Date(updated)}." : ".");

    /// <summary>The <see cref="CitationLine"/> as a page in the reader's language shows it.</summary>
    public string CitationLineIn(DisplayFormat format)
    {
        var retrieval = (FirstRetrieved, LastRetrieved) switch
        {
            (DateOnly first, DateOnly last) when first == last => format.Text["retrieved {0}", format.Date(last)].Value,
            (DateOnly first, DateOnly last) => format.Text["retrieved {0} to {1}", format.Date(first), format.Date(last)].Value,
            _ => format.Text["retrieval date not recorded"].Value,
        };
        var line = $"{Title}. {Licence.Text}. {Link ?? format.Text["No public link recorded"]}; {retrieval}";
        return PublisherUpdatedOn is { } updated ? line + format.Text["; publisher updated {0}.", format.Date(updated)] : line + ".";
    }

    /// <summary>
    /// The <see cref="CitationLineIn"/> in HTML: the publisher's name marked with its language where it is not the page's
    /// (no translation yet), the edition, a proper name, marked translate="no".
    /// </summary>
    public IHtmlContent CitationLineHtml(DisplayFormat format)
    {
        var retrieval = (FirstRetrieved, LastRetrieved) switch
        {
            (DateOnly first, DateOnly last) when first == last => format.Text["retrieved {0}", format.Date(last)].Value,
            (DateOnly first, DateOnly last) => format.Text["retrieved {0} to {1}", format.Date(first), format.Date(last)].Value,
            _ => format.Text["retrieval date not recorded"].Value,
        };
        var line = new HtmlContentBuilder().AppendHtml(ContentHtml.Content(FullName, FullNameLanguage));
        if (Edition.Length > 0)
        {
            line.Append(", ").AppendHtml(ContentHtml.Untranslated(Edition));
        }
        line.Append($". {Licence.TextIn(format)}. {Link ?? format.Text["No public link recorded"]}; {retrieval}");
        return line.Append(PublisherUpdatedOn is { } updated ? format.Text["; publisher updated {0}.", format.Date(updated)] : ".");
    }

    /// <summary>The publishers of <paramref name="figures"/>, international first, each edition once.</summary>
    public static IReadOnlyList<PublisherCredit> From(IEnumerable<DataFigure> figures) =>
        [.. figures
            .GroupBy(f => (f.SourceShortName, f.Edition))
            .Select(g =>
            {
                var first = g.First();
                var retrieved = g.Where(f => f.RetrievedAt is not null).Select(f => FigureFormatter.UtcDay(f.RetrievedAt!.Value)).ToList();
                var years = g.Where(f => f.Year is not null).Select(f => f.Year!.Value).ToList();
                return new PublisherCredit(first.SourceShortName, first.SourceFullName, first.Edition, first.SourceHomepageUrl,
                    PublisherLicences.For(first.SourceShortName, first.Edition),
                    retrieved.Count == 0 ? null : retrieved.Min(), retrieved.Count == 0 ? null : retrieved.Max(),
                    g.Max(f => f.PublisherUpdatedOn),
                    years.Count == 0 ? null : years.Min(), years.Count == 0 ? null : years.Max(),
                    [.. g.Select(f => f.IndicatorName).Distinct()]);
            })
            .OrderBy(c => c.ShortName, StringComparer.Ordinal)
            .ThenBy(c => c.Edition, StringComparer.Ordinal)];
}

/// <summary>
/// The publishers' licences as recorded in the shipped snapshot's manifest (see Snapshot/PROVENANCE.md). A publisher
/// the manifest does not cover (national offices, hand-entered figures) has no recorded licence, and says so.
/// </summary>
public static class PublisherLicences
{
    private const string CcBy4Url = "https://creativecommons.org/licenses/by/4.0/";

    private static readonly Lazy<IReadOnlyList<(string Source, string Edition, string Licence)>> s_recorded = new(ReadManifest);

    public static PublisherLicence For(string source, string edition)
    {
        var recorded = s_recorded.Value;
        // Every edition of one publisher is under the same terms in the manifest; the exact edition wins where listed.
        var match = recorded.FirstOrDefault(r => r.Source == source && r.Edition == edition);
        if (match.Licence is null)
        {
            match = recorded.FirstOrDefault(r => r.Source == source);
        }
        return match.Licence switch
        {
            null => new(PublisherLicence.NotRecorded, "notspecified", null),
            "CC-BY-4.0" => new("Licence: CC BY 4.0", "CC-BY-4.0", CcBy4Url),
            var other when other.Contains("attribution", StringComparison.OrdinalIgnoreCase) => new(Capitalised(other), "other-at", null),
            var other => new(Capitalised(other), "notspecified", null),
        };
    }

    private static IReadOnlyList<(string, string, string)> ReadManifest()
    {
        var path = Path.Combine(ShippedSnapshot.Folder, "manifest.json");
        if (!File.Exists(path))
        {
            return [];
        }
        using var manifest = JsonDocument.Parse(File.ReadAllText(path));
        return [.. manifest.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("source").GetString() ?? "", f.GetProperty("edition").GetString() ?? "", f.GetProperty("licence").GetString() ?? ""))
            .Where(f => f.Item3.Length > 0)];
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1));
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>
/// The country list, grouped by region, with a filter that is a plain GET form (?region=...&amp;q=...).
/// A query a person can mistype never fails the page: an unknown region shows every region with a message,
/// an overlong search is cut to its first <see cref="MaxSearchLength"/> characters with a message.
/// </summary>
public class IndexModel(CountryProfileQuery query, InterfaceTextLocalizer text, DisplayFormat format) : PageModel
{
    public const int MaxSearchLength = 100;

    // The Prague Process's partner states come first, starting with Central Asia, where the portal began;
    // the EU members and the Schengen states outside the EU follow. A group not named here sorts after, by name.
    private static readonly string[] s_regionOrder =
        ["Central Asia", "Eastern Partnership", "Western Balkans", "Russia", "Turkey", "EU", "Schengen Area"];

    [BindProperty(Name = "region", SupportsGet = true)]
    public string? RegionParameter { get; set; }

    [BindProperty(Name = "q", SupportsGet = true)]
    public string? SearchParameter { get; set; }

    /// <summary>The region shown, spelled as stored; null for all regions.</summary>
    public string? Region { get; private set; }

    /// <summary>The name searched for, cleaned of control characters and extra spaces; empty for none.</summary>
    public string Search { get; private set; } = "";

    /// <summary>Every region that has a country, in the order the list shows them.</summary>
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<RegionGroup> Groups { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int ShownCount { get; private set; }

    /// <summary>What was made of a query the page could not take as it was.</summary>
    public IReadOnlyList<IHtmlContent> Notices { get; private set; } = [];

    public bool IsFiltered => Region is not null || Search.Length > 0;

    /// <summary>"No country matches “xyz” in Central Asia."</summary>
    /// <remarks>What the reader typed is echoed as typed, marked translate="no": it is no language of the portal's.</remarks>
    public IHtmlContent NoMatchText => (Search.Length > 0, Region is not null) switch
    {
        (true, true) => ContentHtml.Format(text["No country matches “{0}” in {1}."], ContentHtml.Untranslated(Search), format.RegionTitle(Region!)),
        (true, false) => ContentHtml.Format(text["No country matches “{0}”."], ContentHtml.Untranslated(Search)),
        (false, true) => ContentHtml.Format(text["No country matches in {0}."], format.RegionTitle(Region!)),
        _ => ContentHtml.Format(text["No country matches."]),
    };

    public sealed record RegionGroup(string Region, string Title, string Id, IReadOnlyList<CountrySummary> Countries);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var countries = await query.ListCountriesAsync(cancellationToken);
        var notices = new List<IHtmlContent>();
        TotalCount = countries.Count;
        Regions = [.. InDisplayOrder(countries.Select(c => c.Region).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal), r => r)];

        var region = Clean(RegionParameter);
        if (region.Length > 0)
        {
            Region = Regions.FirstOrDefault(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase));
            if (Region is null)
            {
                notices.Add(ContentHtml.Format(text["There is no region called “{0}”, so countries from every region are shown."],
                    ContentHtml.Untranslated(Shorten(region, 60))));
            }
        }

        Search = Clean(SearchParameter);
        if (Search.Length > MaxSearchLength)
        {
            Search = Shorten(Search, MaxSearchLength, ellipsis: false);
            notices.Add(ContentHtml.Format(text["A name search can be at most {0} characters long; the first {0} were used."], MaxSearchLength));
        }

        var shown = countries
            .Where(c => Region is null || c.Region == Region)
            .Where(c => Search.Length == 0 || NameContains(c.Name, Search))
            .ToList();
        ShownCount = shown.Count;
        Groups = [.. InDisplayOrder(shown.GroupBy(c => c.Region), g => g.Key)
            .Select(g => new RegionGroup(g.Key, format.RegionTitle(g.Key), $"region-{IdOf(g.Key)}", [.. g]))];
        Notices = notices;
    }

    private static IEnumerable<T> InDisplayOrder<T>(IEnumerable<T> items, Func<T, string> region) =>
        items.OrderBy(item => RankOf(region(item))).ThenBy(region, StringComparer.Ordinal);

    private static int RankOf(string region)
    {
        var rank = Array.IndexOf(s_regionOrder, region);
        return rank < 0 ? s_regionOrder.Length : rank;
    }

    /// <summary>"Kyrg" finds Kyrgyzstan; case and accents do not matter ("turkiye" would find "Türkiye").</summary>
    private static bool NameContains(string name, string search) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(name, search,
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>Drops control characters and runs of white space a pasted or hand-edited address can carry.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var cleaned = new StringBuilder(Math.Min(text.Length, 4 * MaxSearchLength));
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (cleaned.Length > 0 && cleaned[^1] != ' ')
                {
                    cleaned.Append(' ');
                }
            }
            else
            {
                cleaned.Append(c);
            }
        }
        return cleaned.ToString().TrimEnd();
    }

    private static string Shorten(string text, int length, bool ellipsis = true)
    {
        if (text.Length <= length)
        {
            return text;
        }
        // Never split a character written as two UTF-16 units.
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return ellipsis ? $"{text[..cut]}…" : text[..cut];
    }

    /// <summary>"Central Asia" → "central-asia", for the heading's id.</summary>
    private static string IdOf(string region)
    {
        var id = new StringBuilder(region.Length);
        foreach (var c in region.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(c);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }
        return id.Length == 0 ? "other" : id.ToString().TrimEnd('-');
    }
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using MigrationProfile.Web.Charts;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>
/// Up to six countries on one chart for one indicator, from the international series that covers the most
/// countries. Anything the query gets wrong (too many, unknown codes or indicator) is said on the page.
/// </summary>
public class CompareModel(IndicatorSeriesQuery query, InterfaceTextLocalizer text, DisplayFormat format) : PageModel
{
    public const int MaxCountries = 6;

    /// <summary>ISO3 codes or slugs, any case; repeated (a multi-select) or comma-separated (a link).</summary>
    [BindProperty(SupportsGet = true)]
    public string[] Countries { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    public IReadOnlyList<CountryRef> AllCountries { get; private set; } = [];

    public IReadOnlyList<IndicatorRef> AllIndicators { get; private set; } = [];

    public IReadOnlyList<CountryRef> Chosen { get; private set; } = [];

    /// <summary>What was wrong with the query; the reader's own typed codes echoed marked translate="no".</summary>
    public IReadOnlyList<IHtmlContent> Problems { get; private set; } = [];

    public Comparison? Comparison { get; private set; }

    public IReadOnlyList<ChartSeries> Chart { get; private set; } = [];

    public SeriesTableModel? Table { get; private set; }

    public string IndicatorCode => Comparison?.Indicator.Code ?? Indicator?.Trim().ToLowerInvariant() ?? "population";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AllCountries = await query.CountriesAsync(cancellationToken);
        AllIndicators = await query.IndicatorsAsync(cancellationToken);
        var problems = new List<IHtmlContent>();

        var tokens = Countries.SelectMany(c => (c ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Length > 0).ToList();
        var chosen = new List<CountryRef>();
        var unknown = new List<string>();
        foreach (var token in tokens)
        {
            var country = AllCountries.FirstOrDefault(c => string.Equals(c.Iso3Code, token, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Slug, token, StringComparison.OrdinalIgnoreCase));
            if (country is null)
            {
                unknown.Add(token);
            }
            else if (!chosen.Contains(country))
            {
                chosen.Add(country);
            }
        }
        if (unknown.Count > 0)
        {
            var typed = new HtmlContentBuilder();
            foreach (var (token, i) in unknown.Take(10).Select((u, i) => (u, i)))
            {
                typed.Append(i == 0 ? "\"" : ", \"").AppendHtml(ContentHtml.Untranslated(Shortened(token))).Append("\"");
            }
            problems.Add(ContentHtml.Format(text["Not a country with a profile here: {0}. Use the list below (or ISO3 codes such as KAZ)."], typed));
        }
        if (chosen.Count > MaxCountries)
        {
            problems.Add(new StringHtmlContent(text.Plural(chosen.Count, "{0} country was chosen; the chart compares at most {1}. Showing the first {1}: {2}.",
                "{0} countries were chosen; the chart compares at most {1}. Showing the first {1}: {2}.",
                MaxCountries, string.Join(", ", chosen.Take(MaxCountries).Select(c => c.Name)))));
            chosen = [.. chosen.Take(MaxCountries)];
        }
        Chosen = chosen;

        var code = Indicator?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(code) && AllIndicators.All(i => i.Code != code))
        {
            problems.Add(ContentHtml.Format(text["There is no indicator \"{0}\". Choose one from the list below."], ContentHtml.Untranslated(Shortened(Indicator!))));
            code = null;
        }
        if (tokens.Count > 0 && chosen.Count > 0 && code is null && string.IsNullOrEmpty(Indicator))
        {
            code = "population";
        }
        Problems = problems;

        if (chosen.Count > 0 && code is not null)
        {
            Comparison = await query.CompareAsync(code, chosen, cancellationToken);
            if (Comparison is not null)
            {
                var columns = Comparison.Lines.Select(l => l.Column).ToList();
                Chart = [.. columns.Select(c => c.ToChartSeries(format)).Where(s => s.Points.Count > 0)];
                var indicator = Comparison.Indicator;
                var source = ContentHtml.Prefixed(", ", Comparison.Source is null ? null : SourceHtml(Comparison));
                Table = new SeriesTableModel(ContentHtml.Format(text["{0}{1} by country{2}"], ContentHtml.Content(indicator.Name, indicator.NameLanguage),
                        ContentHtml.InParentheses(indicator.Unit, indicator.UnitLanguage), source),
                    [.. Comparison.Lines.Select(l => l.Country.Name)], SeriesTable.Rows(columns));
            }
        }
        return Page();
    }

    /// <summary>"World Bank · Stock · IMS 2024": the source's short name marked with its language where it fell back, the edition untranslated.</summary>
    public static IHtmlContent SourceHtml(Comparison comparison)
    {
        var parts = new List<IHtmlContent> { ContentHtml.Content(comparison.Source?.ShortName, comparison.Source?.ShortNameLanguage) };
        if (comparison.Series.Length > 0)
        {
            parts.Add(new StringHtmlContent(comparison.Series));
        }
        if (comparison.Edition.Length > 0)
        {
            parts.Add(ContentHtml.Untranslated(comparison.Edition));
        }
        return ContentHtml.Join(" · ", parts);
    }

    /// <summary>The heading: the indicator and the chosen countries, each marked with its language where it fell back to English.</summary>
    public IHtmlContent? ComparisonHeading => Comparison is null ? null
        : new HtmlContentBuilder().AppendHtml(ContentHtml.Content(Comparison.Indicator.Name, Comparison.Indicator.NameLanguage)).Append(": ")
            .AppendHtml(ContentHtml.Join(", ", Chosen.Select(c => ContentHtml.Content(c.Name, c.NameLanguage))));

    /// <summary>Long or odd input is echoed in part only.</summary>
    private static string Shortened(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

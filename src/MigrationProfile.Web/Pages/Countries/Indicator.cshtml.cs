using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Charts;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

/// <summary>One indicator of one country over time: every source, series and edition as its own line.</summary>
public class IndicatorModel(IndicatorSeriesQuery query, AppDbContext db, InterfaceTextLocalizer text, DisplayFormat format,
    PortalLanguages languages) : PageModel
{
    /// <summary>At most this many countries on the "Compare with neighbours" link: the page compares six.</summary>
    private const int Neighbours = 5;

    public IndicatorHistory History { get; private set; } = null!;

    public SeriesTableModel Table { get; private set; } = null!;

    public IReadOnlyList<ChartSeries> Chart { get; private set; } = [];

    /// <summary>/compare with this country and others of its region, for the same indicator.</summary>
    public string CompareUrl { get; private set; } = "";

    /// <summary>The immigration and emigration pages link to the origins and destinations behind their totals.</summary>
    public bool HasMigrantStocks { get; private set; }

    /// <summary>How to cite this indicator of this country: the page's permalink and each publisher and edition.</summary>
    public CiteThisView CiteThis { get; private set; } = null!;

    /// <summary>The indicator's figures as the portal CSV; null when none fits it (yes/no or text figures only).</summary>
    public string? CsvUrl { get; private set; }

    /// <summary>schema.org Dataset markup for this indicator of this country (its CSV and the observations API).</summary>
    public string DatasetJsonLd { get; private set; } = "";

    public string Heading => text["{0} in {1}", History.Indicator.Name, History.Country.Name];

    /// <summary>The heading with an English fallback (an indicator or country not yet translated) marked lang="en".</summary>
    public IHtmlContent HeadingHtml => ContentHtml.Format(text["{0} in {1}"],
        ContentHtml.Content(History.Indicator.Name, History.Indicator.NameLanguage), ContentHtml.Content(History.Country.Name, History.Country.NameLanguage));

    /// <param name="slug">Null when the address holds only spaces (model binding makes blank text null).</param>
    /// <param name="code">The same.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IActionResult> OnGetAsync(string? slug, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug) || string.IsNullOrWhiteSpace(code))
        {
            return NotFound();
        }
        var history = await query.GetAsync(slug.ToLowerInvariant(), code.ToLowerInvariant(), cancellationToken);
        if (history is null)
        {
            return NotFound();
        }
        History = history;
        var columns = history.Lines.Select(l => l.Column).ToList();
        Table = new SeriesTableModel(ContentHtml.Format(text["{0}{1}, by period and line"], HeadingHtml, ContentHtml.InParentheses(history.Indicator.Unit, history.Indicator.UnitLanguage)),
            [.. columns.Select(c => c.Name)], SeriesTable.Rows(columns));
        Chart = [.. columns.Select(c => c.ToChartSeries(format)).Where(s => s.Points.Count > 0)];

        var countries = await query.CountriesAsync(cancellationToken);
        var neighbours = countries.Where(c => c.Region == history.Country.Region && c.Slug != history.Country.Slug).Take(Neighbours);
        CompareUrl = Url.Content("~/compare") + $"?countries={Uri.EscapeDataString(string.Join(',', neighbours.Prepend(history.Country).Select(c => c.Iso3Code.ToLowerInvariant())))}"
            + $"&indicator={Uri.EscapeDataString(history.Indicator.Code)}";
        HasMigrantStocks = history.Indicator.Code is "immigration" or "emigration";

        // Whole series with every publisher and edition, as the CSV holds them.
        var path = SiteAddress.IndicatorPath(history.Country.Slug, history.Indicator.Code);
        var data = (await new ProfileDataQuery(db).GetAsync(history.Country.Slug, history.Indicator.Code, cancellationToken))!;
        var citation = ProfileCitation.For(data, SiteAddress.Absolute(Request, path), ProfileCitation.Today(),
            new CitedIndicator(history.Indicator.Code, history.EnglishIndicatorName));
        var shown = languages.Current.IsDefault ? null : citation.ShownAs(history.Country.Name, history.Country.NameLanguage,
            new CitedIndicator(history.Indicator.Code, history.Indicator.Name, history.Indicator.NameLanguage), history.SourceFullNames);
        CiteThis = new CiteThisView($"indicator-{history.Indicator.Code}", citation,
            SiteAddress.Absolute(Request, $"{path}/cite.bib"), SiteAddress.Absolute(Request, $"{path}/cite.ris"), shown);
        CsvUrl = data.CsvFigures.Any() ? $"{path}.csv" : null;
        var api = SiteAddress.Absolute(Request, $"/api/v1/observations?country={Uri.EscapeDataString(history.Country.Slug)}"
            + $"&indicator={Uri.EscapeDataString(history.Indicator.Code)}");
        DatasetJsonLd = Citations.DatasetJsonLd.ForIndicator(data, citation, SiteAddress.Absolute(Request, "/"),
            SiteAddress.Absolute(Request, path), CsvUrl is null ? null : SiteAddress.Absolute(Request, CsvUrl), api,
            text["{0}: every figure over time from each source and edition, with its period, unit and source.", Heading],
            languages.Current.Code);
        return Page();
    }
}

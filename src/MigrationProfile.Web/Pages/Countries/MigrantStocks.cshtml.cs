using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Charts;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

/// <summary>
/// UN DESA's origin × destination rows behind a country's immigrant and emigrant stock: the ten largest origins
/// and destinations for one edition and year. A choice the data does not have falls back to the latest, and says so.
/// </summary>
public class MigrantStocksModel(IndicatorSeriesQuery countries, MigrantStockQuery query, InterfaceTextLocalizer text,
    PortalLanguages languages) : PageModel
{
    public CountryRef Country { get; private set; } = null!;

    /// <summary>Null when the country has no origin × destination rows at all.</summary>
    public MigrantStockRanking? Ranking { get; private set; }

    /// <summary>Why the page shows something other than what the query asked for; null when it shows that.</summary>
    public IHtmlContent? FallbackMessage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Edition { get; set; }

    /// <summary>Bound as text so "abc" is a message, not a binding error.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <param name="slug">Null when the address holds only spaces (model binding makes blank text null).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return NotFound();
        }
        var all = await countries.CountriesAsync(cancellationToken);
        var country = all.SingleOrDefault(c => c.Slug == slug.ToLowerInvariant());
        if (country is null)
        {
            return NotFound();
        }
        Country = country;
        var available = await query.AvailableAsync(country.Iso3Code, cancellationToken);
        if (available.Count == 0)
        {
            return Page();
        }

        var shown = available[0];
        var askedEdition = string.IsNullOrWhiteSpace(Edition) ? null : Edition.Trim();
        var askedYear = string.IsNullOrWhiteSpace(Year) ? null : Year.Trim();
        if (askedEdition is not null || askedYear is not null)
        {
            var edition = askedEdition ?? shown.Edition;
            var inEdition = available.Where(a => a.Edition == edition).ToList();
            if (inEdition.Count == 0)
            {
                FallbackMessage = ContentHtml.Format(text["There is no edition \"{0}\" for {1}; showing {2}, {3}."],
                    ContentHtml.Untranslated(askedEdition ?? ""), ContentHtml.Content(country.Name, country.NameLanguage),
                    ContentHtml.Untranslated(shown.Edition), shown.Year.ToString(CultureInfo.InvariantCulture));
            }
            else if (askedYear is null)
            {
                shown = inEdition[0];
            }
            else if (int.TryParse(askedYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && inEdition.SingleOrDefault(a => a.Year == year) is { } match)
            {
                shown = match;
            }
            else
            {
                shown = inEdition[0];
                FallbackMessage = ContentHtml.Format(text["{0} has no year \"{1}\" for {2}; showing {3}. Years in it: {4}."],
                    ContentHtml.Untranslated(edition), ContentHtml.Untranslated(askedYear), ContentHtml.Content(country.Name, country.NameLanguage),
                    shown.Year.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", inEdition.Select(a => a.Year).Order().Select(y => y.ToString(CultureInfo.InvariantCulture))));
            }
        }
        Edition = shown.Edition;
        Year = shown.Year.ToString(CultureInfo.InvariantCulture);
        var profileNames = all.ToDictionary(c => c.Iso3Code, StringComparer.Ordinal);
        Ranking = await query.GetAsync(country.Iso3Code, shown, available, profileNames, languages.Current, cancellationToken);
        return Page();
    }

    /// <summary>The bars of a ranking; the summed rows' names ("Other countries") in the page's language.</summary>
    public IReadOnlyList<BarItem> Bars(IReadOnlyList<StockShare> shares) =>
        [.. shares.Select(s => new BarItem(NameOf(s), s.Persons, s.IsSummary ? "chart-summary" : null))];

    /// <summary>A country's name as stored; a summed row's in the page's language.</summary>
    public string NameOf(StockShare share) => share.IsSummary ? text[share.Name] : share.Name;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Charts;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>
/// Up to six countries on one chart for one indicator, from the international series that covers the most
/// countries. Anything the query gets wrong (too many, unknown codes or indicator) is said on the page.
/// </summary>
public class CompareModel(IndicatorSeriesQuery query) : PageModel
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

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Comparison? Comparison { get; private set; }

    public IReadOnlyList<ChartSeries> Chart { get; private set; } = [];

    public SeriesTableModel? Table { get; private set; }

    public string IndicatorCode => Comparison?.Indicator.Code ?? Indicator?.Trim().ToLowerInvariant() ?? "population";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AllCountries = await query.CountriesAsync(cancellationToken);
        AllIndicators = await query.IndicatorsAsync(cancellationToken);
        var problems = new List<string>();

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
            problems.Add($"Not a country with a profile here: {string.Join(", ", unknown.Take(10).Select(u => $"\"{Shortened(u)}\""))}. Use the list below (or ISO3 codes such as KAZ).");
        }
        if (chosen.Count > MaxCountries)
        {
            problems.Add($"{chosen.Count} countries were chosen; the chart compares at most {MaxCountries}. Showing the first {MaxCountries}: {string.Join(", ", chosen.Take(MaxCountries).Select(c => c.Name))}.");
            chosen = [.. chosen.Take(MaxCountries)];
        }
        Chosen = chosen;

        var code = Indicator?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(code) && AllIndicators.All(i => i.Code != code))
        {
            problems.Add($"There is no indicator \"{Shortened(Indicator!)}\". Choose one from the list below.");
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
                Chart = [.. columns.Select(c => c.ToChartSeries()).Where(s => s.Points.Count > 0)];
                var unit = string.IsNullOrWhiteSpace(Comparison.Indicator.Unit) ? "" : $" ({Comparison.Indicator.Unit})";
                var source = Comparison.Source is null ? "" : ", " + string.Join(" · ", new[] { Comparison.Source.ShortName, Comparison.Series, Comparison.Edition }.Where(p => p.Length > 0));
                Table = new SeriesTableModel($"{Comparison.Indicator.Name}{unit} by country{source}",
                    [.. Comparison.Lines.Select(l => l.Country.Name)], SeriesTable.Rows(columns));
            }
        }
        return Page();
    }

    /// <summary>Long or odd input is echoed in part only.</summary>
    private static string Shortened(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

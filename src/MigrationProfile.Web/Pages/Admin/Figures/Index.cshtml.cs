using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Figures;

public class IndexModel(AppDbContext db, DisplayFormat format, PortalLanguages languages) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<FigureRow> Figures { get; private set; } = [];

    /// <param name="Value">The value as the page writes it, without its unit.</param>
    /// <param name="Unit">The unit in the page's language where it has a translation, else its English.</param>
    /// <param name="UnitLanguage">"en" where the unit fell back to English on a page in another language.</param>
    public sealed record FigureRow(int Id, IndicatorPanel Panel, string Indicator, int IndicatorOrder, string Value, string? Unit,
        string? UnitLanguage, string Source, string Series, string Edition, string Period);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.CountryId == chosen.Id)
            .Select(o => new
            {
                o.Id,
                o.IndicatorId,
                o.Indicator.Panel,
                IndicatorName = o.Indicator.Name,
                o.Indicator.SortOrder,
                o.Indicator.ValueKind,
                o.Indicator.Unit,
                o.NumericValue,
                o.BooleanValue,
                o.TextValue,
                o.Qualifier,
                o.Currency,
                Source = o.Source.ShortName,
                o.Series,
                o.Edition,
                o.PeriodYear,
                o.PeriodQuarter,
            })
            .ToListAsync(cancellationToken);
        var texts = await TranslatedTexts.LoadAsync(db, languages, chosen.Id, [nameof(IndicatorDefinition)], cancellationToken);
        // Ordered by the invariant period ("2024 Q3"), shown in the reader's language ("III кв. 2024").
        Figures = [.. rows
            .OrderBy(r => r.Panel).ThenBy(r => r.SortOrder).ThenBy(r => r.IndicatorName, StringComparer.Ordinal)
            .ThenBy(r => r.Source, StringComparer.Ordinal)
            .ThenByDescending(r => FigureFormatter.Period(r.PeriodYear, r.PeriodQuarter), StringComparer.Ordinal)
            .Select(r =>
            {
                var (shownUnit, unitLanguage) = texts.OfOptional(nameof(IndicatorDefinition), r.IndicatorId, nameof(IndicatorDefinition.Unit), r.Unit);
                var (value, unit) = format.Value(r.ValueKind, shownUnit, r.NumericValue, r.BooleanValue, r.TextValue, r.Qualifier, r.Currency);
                return new FigureRow(r.Id, r.Panel, r.IndicatorName, r.SortOrder, value, unit, unit is null ? null : unitLanguage, r.Source,
                    r.Series, r.Edition, format.Period(r.PeriodYear, r.PeriodQuarter));
            })];
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>One item's changes, each with a one-click restore of the item as that change left it.</summary>
public class ItemModel(AppDbContext db, DisplayFormat format, PortalLanguages languages) : PageModel
{
    public string EntityType { get; private set; } = "";

    public int EntityId { get; private set; }

    /// <summary>The item's name, in the page's language where it has a translation.</summary>
    public string Label { get; private set; } = "";

    /// <summary>"en" where <see cref="Label"/> is English on a page in another language; else null.</summary>
    public string? LabelLanguage { get; private set; }

    public bool StillExists { get; private set; }

    public string? EditUrl { get; private set; }

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? type, int? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(type) || id is null)
        {
            return NotFound();
        }
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return NotFound();
        }
        EntityType = type;
        EntityId = id.Value;
        Rows = await HistoryRow.ListAsync(db, records, format, cancellationToken);
        var clrType = Data.History.ContentHistory.ContentType(db, type);
        var current = clrType is null ? null : await db.FindAsync(clrType, [id.Value], cancellationToken) as IHistoryTracked;
        StillExists = current is not null;
        (Label, LabelLanguage) = await LabelAsync(type, id.Value, current, records[0].Label, cancellationToken);
        EditUrl = StillExists ? EditUrlFor(type, id.Value) : null;
        return Page();
    }

    /// <summary>The item as an editor knows it: a figure by its indicator, source, series and period; a translation by what it
    /// translates; anything else by its name. In the page's language where there is a translation, else English.</summary>
    private async Task<(string Label, string? Language)> LabelAsync(string type, int id, IHistoryTracked? current, string recorded,
        CancellationToken cancellationToken)
    {
        var english = languages.Current.IsDefault ? null : languages.Default.Code;
        if (Rows.FirstOrDefault(r => r.Translation is not null)?.Translation is { } translation)
        {
            return (format.Text["{0} ({1}): {2}", translation.Field, translation.LanguageName, translation.Item].Value, null);
        }
        if (current is Observation figure)
        {
            var names = await db.Observations.AsNoTracking().Where(o => o.Id == figure.Id)
                .Select(o => new { Indicator = o.Indicator.Name, Source = o.Source.ShortName }).SingleAsync(cancellationToken);
            var texts = await TranslatedTexts.LoadAsync(db, languages, figure.CountryId, [nameof(IndicatorDefinition), nameof(Source)], cancellationToken);
            var indicator = texts.Of(nameof(IndicatorDefinition), figure.IndicatorId, nameof(IndicatorDefinition.Name), names.Indicator);
            var source = texts.Of(nameof(Source), figure.SourceId, nameof(Source.ShortName), names.Source);
            var parts = new[] { indicator.Text, source.Text, figure.Series.Length == 0 ? "" : format.Text[figure.Series].Value,
                format.Period(figure.PeriodYear, figure.PeriodQuarter) };
            return (string.Join(" · ", parts.Where(part => part.Length > 0)), indicator.Language ?? source.Language);
        }
        var label = current?.HistoryLabel ?? recorded;
        if (english is not null && s_labelFields.TryGetValue(type, out var field))
        {
            var code = languages.Current.Code;
            var translated = await db.ContentTranslations.AsNoTracking()
                .Where(t => t.Language == code && t.EntityType == type && t.EntityId == id && t.Field == field)
                .Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
            if (translated is not null)
            {
                return (translated, null);
            }
        }
        return (label, english);
    }

    /// <summary>The translatable field each kind of item is named by.</summary>
    private static readonly Dictionary<string, string> s_labelFields = new()
    {
        [nameof(Country)] = nameof(Country.Name),
        [nameof(IndicatorDefinition)] = nameof(IndicatorDefinition.Name),
        [nameof(Source)] = nameof(Source.ShortName),
        [nameof(Authority)] = nameof(Authority.Name),
        [nameof(PolicyDocument)] = nameof(PolicyDocument.Title),
        [nameof(Publication)] = nameof(Publication.Title),
        [nameof(NarrativeSection)] = nameof(NarrativeSection.Heading),
    };

    private static string? EditUrlFor(string type, int id) => type switch
    {
        nameof(Observation) => $"/admin/figures/edit/{id}",
        nameof(NarrativeSection) => $"/admin/narrative/edit/{id}",
        nameof(Authority) => $"/admin/authorities/edit/{id}",
        nameof(PolicyDocument) => $"/admin/policy-documents/edit/{id}",
        nameof(Publication) => $"/admin/publications/edit/{id}",
        nameof(Source) => $"/admin/sources/edit/{id}",
        nameof(IndicatorDefinition) => $"/admin/indicators/edit/{id}",
        _ => null,
    };
}

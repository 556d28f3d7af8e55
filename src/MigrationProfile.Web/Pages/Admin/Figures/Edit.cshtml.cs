using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Figures;

/// <summary>Adds (no id) or edits one figure. The value is read according to its indicator's kind.</summary>
public class EditModel(AppDbContext db) : ContentEditPageModel<EditModel.FigureInput>
{
    public AdminCountry Country { get; private set; } = null!;

    public int? FigureId { get; private set; }

    public int? DuplicateOfId { get; private set; }

    public IReadOnlyList<SelectListItem> Indicators { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];

    /// <summary>The choices (indicator or source ids) named in English because they have no translation into the page's language.</summary>
    public IReadOnlySet<string> EnglishIndicators { get; private set; } = new HashSet<string>();

    /// <inheritdoc cref="EnglishIndicators"/>
    public IReadOnlySet<string> EnglishSources { get; private set; } = new HashSet<string>();

    public sealed class FigureInput : IVersionedInput
    {
        [Required(ErrorMessage = "Choose the indicator this figure measures.")]
        [Display(Name = "Indicator")]
        public int? IndicatorId { get; set; }

        [Required(ErrorMessage = "Choose the source that published this figure.")]
        [Display(Name = "Source")]
        public int? SourceId { get; set; }

        [StringLength(FieldLimits.ShortName, ErrorMessage = "Keep the series under {1} characters.")]
        [Display(Name = "Series (optional)")]
        public string? Series { get; set; }

        [StringLength(FieldLimits.ShortName, ErrorMessage = "Keep the edition under {1} characters.")]
        [Display(Name = "Edition (optional)")]
        public string? Edition { get; set; }

        [ReferenceYear]
        [Display(Name = "Year")]
        public int? PeriodYear { get; set; }

        [Range(1, 4, ErrorMessage = "Choose a quarter from 1 to 4, or none for a yearly figure.")]
        [Display(Name = "Quarter")]
        public int? PeriodQuarter { get; set; }

        [Required(ErrorMessage = "Enter the value.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the value under {1} characters.")]
        [Display(Name = "Value")]
        public string Value { get; set; } = "";

        [StringLength(FieldLimits.ShortName, ErrorMessage = "Keep the qualifier under {1} characters.")]
        [Display(Name = "Qualifier (optional)")]
        public string? Qualifier { get; set; }

        [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Enter the currency as a three-letter code, e.g. USD or KZT.")]
        [Display(Name = "Currency")]
        public string? Currency { get; set; }

        [HttpUrl]
        [StringLength(FieldLimits.Url, ErrorMessage = "Keep the link under {1} characters.")]
        [Display(Name = "Link to the figure at its source (optional)")]
        public string? SourceUrl { get; set; }

        [StringLength(FieldLimits.Note, ErrorMessage = "Keep the note under {1} characters.")]
        [Display(Name = "Note (optional)")]
        public string? Note { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? country, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var chosen = await AdminCountry.ResolveAsync(db, country, cancellationToken);
            if (chosen is null)
            {
                return NotFound();
            }
            Country = chosen;
        }
        else
        {
            var figure = await db.Observations.AsNoTracking().Include(o => o.Indicator).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (figure is null)
            {
                return NotFound();
            }
            Country = (await AdminCountry.ByIdAsync(db, figure.CountryId, cancellationToken))!;
            FigureId = figure.Id;
            Input = new FigureInput
            {
                IndicatorId = figure.IndicatorId,
                SourceId = figure.SourceId,
                Series = figure.Series,
                Edition = figure.Edition,
                PeriodYear = figure.PeriodYear,
                PeriodQuarter = figure.PeriodQuarter,
                Value = ValueAsTyped(figure),
                Qualifier = figure.Qualifier,
                Currency = figure.Currency,
                SourceUrl = figure.SourceUrl,
                Note = figure.Note,
                Version = figure.Version,
            };
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? country, CancellationToken cancellationToken)
    {
        Observation? figure = null;
        if (id is not null)
        {
            figure = await db.Observations.Include(o => o.Indicator).Include(o => o.Source).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (figure is null)
            {
                return NotFound();
            }
            FigureId = figure.Id;
        }
        var chosen = await CountryOfAsync(db, figure, country, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;

        var indicator = Input.IndicatorId is int indicatorId ? await db.IndicatorDefinitions.FindAsync([indicatorId], cancellationToken) : null;
        var source = Input.SourceId is int sourceId ? await db.Sources.FindAsync([sourceId], cancellationToken) : null;
        if (Input.IndicatorId is not null && indicator is null)
        {
            ModelState.AddModelError("Input.IndicatorId", Text["That indicator no longer exists: choose another."]);
        }
        if (Input.SourceId is not null && source is null)
        {
            ModelState.AddModelError("Input.SourceId", Text["That source no longer exists: choose another."]);
        }
        if (Input.PeriodQuarter is not null && Input.PeriodYear is null)
        {
            ModelState.AddModelError("Input.PeriodYear", Text["A quarterly figure needs its year."]);
        }
        var value = indicator is null ? null : ReadValue(indicator);

        if (!ModelState.IsValid || indicator is null || source is null || value is null)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var series = Input.Series?.Trim() ?? "";
        var edition = Input.Edition?.Trim() ?? "";
        DuplicateOfId = await db.Observations
            .Where(o => o.CountryId == chosen.Id && o.IndicatorId == indicator.Id && o.SourceId == source.Id && o.Series == series
                && o.Edition == edition && o.PeriodYear == Input.PeriodYear && o.PeriodQuarter == Input.PeriodQuarter && o.Id != (id ?? 0))
            .Select(o => (int?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (DuplicateOfId is not null)
        {
            ModelState.AddModelError("Input.PeriodYear",
                Text["{0} already has a {1} figure from {2} for this series, edition and period. Edit that one instead, or change the period.",
                    Country.Name, indicator.Name, source.ShortName]);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        if (figure is null)
        {
            figure = new Observation { CountryId = chosen.Id };
            db.Observations.Add(figure);
        }
        else
        {
            ContentSaving.ExpectVersion(db, figure, Input.Version);
        }
        figure.Indicator = indicator;
        figure.Source = source;
        figure.Series = series;
        figure.Edition = edition;
        figure.PeriodYear = Input.PeriodYear;
        figure.PeriodQuarter = Input.PeriodQuarter;
        (figure.NumericValue, figure.BooleanValue, figure.TextValue) = value.Value;
        figure.Qualifier = InputText.OrNull(Input.Qualifier);
        figure.Currency = indicator.ValueKind == ValueKind.Money ? Input.Currency!.Trim().ToUpperInvariant() : null;
        figure.SourceUrl = InputText.OrNull(Input.SourceUrl);
        figure.Note = InputText.OrNull(Input.Note);

        var outcome = await ContentSaving.SaveAsync(db, figure, cancellationToken);
        await LoadChoicesAsync(cancellationToken);
        return SavedOrExplained(outcome, Text["Saved the {0} figure from {1}. The public page shows it now.", indicator.Name, source.ShortName].Value,
            $"/admin/figures?country={chosen.Slug}",
            ("Input.PeriodYear", Text["This figure repeats one that was saved a moment ago. Open the list and edit that one."].Value));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var figure = await db.Observations.Include(o => o.Indicator).Include(o => o.Source).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (figure is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, figure.CountryId, cancellationToken))!;
        var outcome = await ContentDeleting.DeleteAsync(db, figure, Input.Version, cancellationToken);
        if (outcome.Status == SaveStatus.Conflict)
        {
            TempData["Notice"] = ContentDeleting.ChangedMeanwhile(Text, "figure");
            return LocalRedirect($"~/admin/figures/edit/{id}");
        }
        TempData["Notice"] = Text["Deleted the {0} figure from {1}.", figure.Indicator.Name, figure.Source.ShortName].Value;
        TempData["UndoRecordId"] = outcome.ChangeRecordId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LocalRedirect($"~/admin/figures?country={country.Slug}");
    }

    /// <summary>Reads the typed value as the indicator's kind needs it; null (with a message beside the field) if it cannot.</summary>
    private (decimal?, bool?, string?)? ReadValue(IndicatorDefinition indicator)
    {
        var text = Input.Value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }
        switch (indicator.ValueKind)
        {
            case ValueKind.YesNo:
                if (text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals(Text["Yes"], StringComparison.CurrentCultureIgnoreCase))
                {
                    return (null, true, null);
                }
                if (text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals(Text["No"], StringComparison.CurrentCultureIgnoreCase))
                {
                    return (null, false, null);
                }
                ModelState.AddModelError("Input.Value", Text["{0} is a yes/no indicator: write Yes or No, and put any condition in Qualifier.", indicator.Name]);
                return null;
            case ValueKind.Text:
                return (null, null, text);
            default:
                if (!NumberText.TryParse(text, out var number, out var error, Text))
                {
                    ModelState.AddModelError("Input.Value", error);
                    return null;
                }
                if (indicator.ValueKind == ValueKind.Money && string.IsNullOrWhiteSpace(Input.Currency))
                {
                    ModelState.AddModelError("Input.Currency", Text["{0} is an amount of money: enter its currency, e.g. USD or KZT.", indicator.Name]);
                    return null;
                }
                if (indicator.ValueKind == ValueKind.Percent && (number < 0 || number > 100))
                {
                    ModelState.AddModelError("Input.Value", Text["A percentage lies between 0 and 100."]);
                    return null;
                }
                return (number, null, null);
        }
    }

    /// <summary>The stored value as an editor types it: numbers in the one form the form reads back, yes/no in the page's language.</summary>
    private string ValueAsTyped(Observation figure) => figure switch
    {
        { NumericValue: decimal number } => FigureFormatter.Number(number),
        { BooleanValue: bool answer } => answer ? Text["Yes"] : Text["No"],
        _ => figure.TextValue ?? "",
    };

    /// <summary>The indicators and sources to choose from, named in the page's language where they are translated.</summary>
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var languages = HttpContext.RequestServices.GetRequiredService<PortalLanguages>();
        var texts = await TranslatedTexts.LoadAsync(db, languages, null, [nameof(IndicatorDefinition), nameof(Source)], cancellationToken);
        var indicators = await db.IndicatorDefinitions.AsNoTracking()
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.Panel, i.ValueKind, i.Unit })
            .ToListAsync(cancellationToken);
        var groups = indicators.Select(i => i.Panel).Distinct().Order()
            .ToDictionary(panel => panel, panel => new SelectListGroup { Name = Text[DisplayText.PanelTitle(panel)] });
        var englishIndicators = new HashSet<string>();
        Indicators = [.. indicators.OrderBy(i => i.Panel).Select(i =>
        {
            var value = i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (name, nameLanguage) = texts.Of(nameof(IndicatorDefinition), i.Id, nameof(IndicatorDefinition.Name), i.Name);
            var unit = texts.OfOptional(nameof(IndicatorDefinition), i.Id, nameof(IndicatorDefinition.Unit), i.Unit).Text;
            if (nameLanguage is not null)
            {
                englishIndicators.Add(value);
            }
            return new SelectListItem(
                $"{name} ({Text[DisplayText.ValueKindTitle(i.ValueKind)]}{(string.IsNullOrEmpty(unit) ? "" : $", {unit}")})", value) { Group = groups[i.Panel] };
        })];
        EnglishIndicators = englishIndicators;
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.ShortName)
            .Select(s => new { s.Id, s.ShortName, s.FullName })
            .ToListAsync(cancellationToken);
        var englishSources = new HashSet<string>();
        Sources = [.. sources.Select(s =>
        {
            var value = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (fullName, fullNameLanguage) = texts.Of(nameof(Source), s.Id, nameof(Source.FullName), s.FullName);
            if (fullNameLanguage is not null)
            {
                englishSources.Add(value);
            }
            return new SelectListItem(texts.Of(nameof(Source), s.Id, nameof(Source.ShortName), s.ShortName).Text + " — " + fullName, value);
        })];
        EnglishSources = englishSources;
    }
}

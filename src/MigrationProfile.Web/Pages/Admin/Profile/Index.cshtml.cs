using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Profile;

/// <summary>A country's own details: its name, the note under General Information and the latest-update date.</summary>
public class IndexModel(AppDbContext db, PortalLanguages languages) : ContentEditPageModel<IndexModel.CountryInput>
{
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"];

    public int CountryId { get; private set; }

    /// <summary>The name as saved, for the heading, whatever is typed in the form; in the page's language where it has a translation.</summary>
    public string CountryName { get; private set; } = "";

    /// <summary>"en" where the heading's name fell back to English on a page in another language.</summary>
    public string? CountryNameLanguage { get; private set; }

    /// <summary>The languages the profile is translated into (every configured one but the default).</summary>
    public IReadOnlyList<PortalLanguage> TranslationLanguages => [.. languages.All.Where(l => !l.IsDefault)];

    /// <summary>The profile's translation status in each of <see cref="TranslationLanguages"/>.</summary>
    public IReadOnlyDictionary<(int CountryId, string Language), TranslationCounts> TranslationProgress { get; private set; } =
        new Dictionary<(int CountryId, string Language), TranslationCounts>();

    public string Slug { get; private set; } = "";

    public string Iso3Code { get; private set; } = "";

    public sealed class CountryInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter the country's name.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the name under {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [StringLength(FieldLimits.Note, ErrorMessage = "Keep the note under {1} characters.")]
        [Display(Name = "Note under General Information (optional)")]
        public string? GeneralInformationNote { get; set; }

        /// <summary>Bound as text so that whatever was typed comes back with a message, not a model-binding error.</summary>
        [Required(ErrorMessage = "Enter the date of the latest update, e.g. 2024-09-09.")]
        [Display(Name = "Latest update")]
        public string LatestUpdate { get; set; } = "";

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await FindAsync(country, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        await ShowAsync(chosen, cancellationToken);
        Input = new CountryInput
        {
            Name = chosen.Name,
            GeneralInformationNote = chosen.GeneralInformationNote,
            LatestUpdate = chosen.LatestUpdate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Version = chosen.Version,
        };
        await ShowTranslationsAsync(db, chosen, chosen.Id, chosen.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await FindAsync(country, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        await ShowAsync(chosen, cancellationToken);
        await ShowTranslationsAsync(db, chosen, chosen.Id, chosen.Id, cancellationToken);
        var latestUpdate = ReadDate(Input.LatestUpdate);
        if (!ModelState.IsValid || latestUpdate is null)
        {
            return Page();
        }

        ContentSaving.ExpectVersion(db, chosen, Input.Version);
        chosen.Name = Input.Name.Trim();
        chosen.GeneralInformationNote = InputText.OrNull(Input.GeneralInformationNote);
        chosen.LatestUpdate = latestUpdate.Value;
        if (!StageTranslations(db, chosen))
        {
            return Page();
        }

        var outcome = await ContentSaving.SaveAsync(db, chosen, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, chosen, Text["Saved the details of {0}. The public page shows them now.", chosen.Name].Value,
            $"/admin/profile?country={chosen.Slug}", cancellationToken);
    }

    private async Task<Country?> FindAsync(string? slug, CancellationToken cancellationToken) =>
        await AdminCountry.ResolveAsync(db, slug, cancellationToken) is { } country
            ? await db.Countries.SingleAsync(c => c.Id == country.Id, cancellationToken)
            : null;

    private async Task ShowAsync(Country country, CancellationToken cancellationToken)
    {
        CountryId = country.Id;
        var named = await AdminCountry.ByIdAsync(db, country.Id, languages, cancellationToken);
        CountryName = named?.Name ?? country.Name;
        CountryNameLanguage = named?.NameLanguage;
        Slug = country.Slug;
        Iso3Code = country.Iso3Code;
        TranslationProgress = await TranslationStatus.CountAsync(db, [.. TranslationLanguages.Select(l => l.Code)], country.Id, cancellationToken);
    }

    /// <summary>The date as the date field sends it (2024-09-09) or as people write it (9 September 2024).</summary>
    private DateOnly? ReadDate(string? text)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(typed, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("Input.LatestUpdate", Text["\"{0}\" is not a date: write it as year-month-day, e.g. 2024-09-09.", typed]);
            return null;
        }
        // A day of slack: an editor east of UTC may already be on tomorrow's date.
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        if (date.Year < ReferenceYearAttribute.First || date > latest)
        {
            ModelState.AddModelError("Input.LatestUpdate", Text["Enter a date from {0} up to today.", ReferenceYearAttribute.First]);
            return null;
        }
        return date;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Narrative;

/// <summary>Writes a narrative section in Markdown, with a server-rendered preview identical to the public page.</summary>
public class EditModel(AppDbContext db, MarkdownRenderer markdown) : ContentEditPageModel<EditModel.SectionInput>
{
    public AdminCountry Country { get; private set; } = null!;

    public int? SectionId { get; private set; }

    /// <summary>The sanitised HTML the public page would show for the current input.</summary>
    public HtmlString? Preview { get; private set; }

    public sealed class SectionInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter a heading.")]
        [StringLength(FieldLimits.Title, ErrorMessage = "Keep the heading under {1} characters.")]
        [Display(Name = "Heading")]
        public string Heading { get; set; } = "";

        [Required(ErrorMessage = "Write the section's text.")]
        [StringLength(FieldLimits.MarkdownBody, ErrorMessage = "Keep the text under {1} characters.")]
        [Display(Name = "Text (Markdown)")]
        public string BodyMarkdown { get; set; } = "";

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
            return await OpenDraftAsync(db, DraftKind.NarrativeSection, chosen.Id, null, null, cancellationToken) ? ShowingDraftPreview() : NotFound();
        }
        var section = await db.NarrativeSections.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        Country = (await AdminCountry.ByIdAsync(db, section.CountryId, cancellationToken))!;
        SectionId = section.Id;
        Input = new SectionInput { Heading = section.Heading, BodyMarkdown = section.BodyMarkdown, Version = section.Version };
        if (!await OpenDraftAsync(db, DraftKind.NarrativeSection, section.CountryId, section.Id, section.Version, cancellationToken))
        {
            return NotFound();
        }
        await ShowTranslationsAsync(section, cancellationToken);
        Preview = new HtmlString(markdown.ToSafeHtml(Input.BodyMarkdown ?? ""));
        return Page();
    }

    /// <summary>
    /// Saves and publishes; with intent=draft keeps the input as the editor's draft; with intent=preview (the Preview
    /// button) only shows what the public page would show.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int? id, string? country, string? intent, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(id, country, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (SectionId is int shown)
        {
            await ShowTranslationsAsync(await db.NarrativeSections.SingleAsync(n => n.Id == shown, cancellationToken), cancellationToken);
        }
        Preview = new HtmlString(markdown.ToSafeHtml(Input.BodyMarkdown ?? ""));
        if (intent == "preview")
        {
            // A preview shows an unfinished text without its validation messages, but a form version that is not a
            // version (a tampered or garbled hidden field) is said, as a save would say it.
            if (!ModelState.Any(entry => entry.Key.EndsWith("Version", StringComparison.Ordinal) && entry.Value is { Errors.Count: > 0 }))
            {
                ModelState.Clear();
            }
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (intent == "draft")
        {
            if (!TranslationsAllowDraft())
            {
                return Page();
            }
            return await SavedAsDraftAsync(db, DraftKind.NarrativeSection, Country, SectionId, Input.Heading.Trim(),
                $"/admin/narrative?country={Country.Slug}", cancellationToken);
        }

        NarrativeSection section;
        if (SectionId is int existing)
        {
            section = await db.NarrativeSections.SingleAsync(n => n.Id == existing, cancellationToken);
            if (await PublishingDraftAsync(db, section.Version, cancellationToken) is { } refused)
            {
                return refused;
            }
            ContentSaving.ExpectVersion(db, section, Input.Version);
        }
        else
        {
            var siblings = db.NarrativeSections.Where(n => n.CountryId == Country.Id && n.Language == "en");
            section = new NarrativeSection
            {
                CountryId = Country.Id,
                Heading = "",
                BodyMarkdown = "",
                SortOrder = await Reordering.NextPositionAsync(siblings, cancellationToken),
            };
            db.NarrativeSections.Add(section);
            if (await PublishingDraftAsync(db, null, cancellationToken) is { } refused)
            {
                return refused;
            }
        }
        CopyInput(Input, section);
        if (!StageTranslations(db, section))
        {
            return Page();
        }

        var outcome = await ContentSaving.SaveAsync(db, section, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, section, Text["Saved \"{0}\". The public page shows it now.", section.Heading].Value,
            $"/admin/narrative?country={Country.Slug}", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var section = await db.NarrativeSections.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, section.CountryId, cancellationToken))!;
        var outcome = await ContentDeleting.DeleteAsync(db, section, Input.Version, cancellationToken);
        if (outcome.Status == SaveStatus.Conflict)
        {
            TempData["Notice"] = ContentDeleting.ChangedMeanwhile(Text, "section");
            return LocalRedirect($"~/admin/narrative/edit/{id}");
        }
        TempData["Notice"] = Text["Deleted \"{0}\".", section.Heading].Value;
        TempData["UndoRecordId"] = outcome.ChangeRecordId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LocalRedirect($"~/admin/narrative?country={country.Slug}");
    }

    /// <summary>The form's values onto the section: for a save, and for the preview of a draft.</summary>
    public static void CopyInput(SectionInput input, NarrativeSection section)
    {
        section.Heading = input.Heading.Trim();
        section.BodyMarkdown = input.BodyMarkdown ?? "";
    }

    /// <summary>A draft of a new section opens with its preview, as an existing one does.</summary>
    /// <summary>An English section's translations (a section written in another language has none).</summary>
    private async Task ShowTranslationsAsync(NarrativeSection section, CancellationToken cancellationToken)
    {
        if (section.Language == "en")
        {
            await ShowTranslationsAsync(db, section, section.Id, section.CountryId, cancellationToken);
        }
    }

    private PageResult ShowingDraftPreview()
    {
        if (Draft is not null)
        {
            Preview = new HtmlString(markdown.ToSafeHtml(Input.BodyMarkdown ?? ""));
        }
        return Page();
    }

    /// <summary>Finds the section (editing) or the country (adding); a NotFound result when neither exists.</summary>
    private async Task<IActionResult?> ResolveAsync(int? id, string? country, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var countryId = await db.NarrativeSections.Where(n => n.Id == id).Select(n => (int?)n.CountryId).SingleOrDefaultAsync(cancellationToken);
            if (countryId is null)
            {
                return NotFound();
            }
            SectionId = id;
            Country = (await AdminCountry.ByIdAsync(db, countryId.Value, cancellationToken))!;
            return null;
        }
        var chosen = await AdminCountry.ResolveAsync(db, country, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        return null;
    }
}

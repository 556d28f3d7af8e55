using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Translations;

/// <summary>
/// A profile's texts in another language: how many are translated and how many went out of date since the English
/// changed, and the list to work through, each text beside its English with its own save (decision 016).
/// </summary>
public class IndexModel(AppDbContext db, PortalLanguages languages, InterfaceTextLocalizer text) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public PortalLanguage Language { get; private set; } = null!;

    public IReadOnlyList<PortalLanguage> OtherLanguages => [.. languages.All.Where(l => !l.IsDefault)];

    public IReadOnlyList<TranslationItem> Items { get; private set; } = [];

    /// <summary>Only what needs work (missing or out of date), unless the editor asks for all.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ShowAll { get; set; }

    /// <summary>The text whose save failed, with what the editor typed and why.</summary>
    public (string Key, string Typed, string Message)? Failed { get; private set; }

    public int Translated => Items.Count(i => i.State != TranslationState.Missing);

    public int OutOfDate => Items.Count(i => i.State == TranslationState.OutOfDate);

    public static string KeyOf(TranslatableField field, int entityId) => $"{field.EntityType}-{entityId}-{field.Field}";

    public async Task<IActionResult> OnGetAsync(string? country, string? language, CancellationToken cancellationToken) =>
        await LoadAsync(country, language, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? country, string? language, string? entityType, int? entityId, string? field,
        string? translation, uint? version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(country, language, cancellationToken))
        {
            return NotFound();
        }
        var item = Items.FirstOrDefault(i => i.Field.EntityType == entityType && i.EntityId == entityId && i.Field.Field == field);
        if (item is null)
        {
            return BadRequest();
        }
        var key = KeyOf(item.Field, item.EntityId);
        // A browser sends line breaks as CR LF; they are stored as LF.
        var typed = (translation ?? "").ReplaceLineEndings("\n");
        if (typed.Trim().Length > item.Field.MaxLength)
        {
            return Fail(key, typed, text["Keep the text under {0} characters.", item.Field.MaxLength]);
        }
        if (item.Translation is not null && version != item.Translation.Version)
        {
            return Fail(key, typed, text["Someone saved this text while you were editing it. Their version is shown; yours is in the box."]);
        }

        var stored = item.Translation is null ? null : await db.ContentTranslations.SingleAsync(t => t.Id == item.Translation.Id, cancellationToken);
        if (typed.Trim().Length == 0)
        {
            if (stored is not null)
            {
                db.ContentTranslations.Remove(stored);
            }
        }
        else if (stored is null)
        {
            db.ContentTranslations.Add(new ContentTranslation
            {
                EntityType = item.Field.EntityType,
                EntityId = item.EntityId,
                Field = item.Field.Field,
                Language = Language.Code,
                CountryId = item.Shared ? null : Country.Id,
                Text = typed.Trim(),
                EnglishHash = TranslatableFields.Hash(item.English),
            });
        }
        else
        {
            db.Entry(stored).Property(t => t.Version).OriginalValue = version!.Value;
            stored.Text = typed.Trim();
            // Saving confirms the text against the English as it is now, out of date or not.
            stored.EnglishHash = TranslatableFields.Hash(item.English);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another editor saved the same text first (a new row, or a changed version): theirs stays, this one is shown back.
            db.ChangeTracker.Clear();
            await LoadAsync(country, language, cancellationToken);
            return Fail(key, typed, text["Someone saved this text while you were editing it. Their version is shown; yours is in the box."]);
        }
        TempData["Notice"] = text["Saved: {0}.", $"{text[item.Field.Label]} – {item.ItemLabel}"].Value;
        return LocalRedirect($"~/admin/translations?country={Country.Slug}&language={Language.Code}{(ShowAll ? "&showAll=true" : "")}#{key}");
    }

    private PageResult Fail(string key, string typed, string message)
    {
        Failed = (key, typed, message);
        return Page();
    }

    private async Task<bool> LoadAsync(string? country, string? language, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        var asked = string.IsNullOrWhiteSpace(language) ? (OtherLanguages.Count > 0 ? OtherLanguages[0] : null) : languages.Find(language.Trim());
        if (chosen is null || asked is null || asked.IsDefault)
        {
            return false;
        }
        Country = chosen;
        Language = asked;
        Items = await TranslationStatus.ListAsync(db, chosen.Id, asked.Code, cancellationToken);
        return true;
    }
}

using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Admin;

/// <summary>
/// The edit pages show each translatable field in the other languages beside its English and save them with it: in one
/// transaction, with history, refusing a translation someone else changed meanwhile (decision 016).
/// </summary>
public class TranslationsBesideEnglishTests : SignedInEditorTests
{
    private const string Interior = "Ministry of Interior";
    private const string RussianInterior = "Министерство внутренних дел Республики Казахстан";

    private Task<int> InteriorIdAsync() => IdAsync(db => db.Authorities.Where(a => a.Name == Interior).Select(a => a.Id));

    private static string EditUrl(int id) => $"/admin/authorities/edit/{id}";

    private static string EditAction(int id) => $"/admin/authorities/edit/{id}?country=kazakhstan";

    /// <summary>The name of the Russian box on an authority's form (its only translatable field).</summary>
    private static string RussianBox(IHtmlDocument page)
    {
        var box = page.QuerySelectorAll("form.form [lang=ru][name$='.Text']").Single();
        return box.GetAttribute("name")!;
    }

    private async Task<ContentTranslation?> RussianNameAsync(int authorityId) =>
        await ReadAsync(db => db.ContentTranslations.AsNoTracking()
            .SingleOrDefaultAsync(t => t.EntityType == nameof(Authority) && t.EntityId == authorityId && t.Field == "Name" && t.Language == "ru"));

    private async Task<string[]> RussianPublicAuthoritiesAsync()
    {
        var page = await Portal.GetDocumentAsync("/ru/countries/kazakhstan");
        return [.. page.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible())];
    }

    private async Task<TranslationState> StateOfRussianNameAsync(int authorityId)
    {
        await using var db = Portal.OpenDbContext();
        var country = await db.Countries.SingleAsync(c => c.Slug == "kazakhstan");
        var items = await TranslationStatus.ListAsync(db, country.Id, "ru", CancellationToken.None);
        return items.Single(i => i.Field.EntityType == nameof(Authority) && i.EntityId == authorityId && i.Field.Field == "Name").State;
    }

    [Fact]
    public async Task The_form_shows_the_Russian_name_beside_the_English_labelled_marked_and_with_its_state()
    {
        var id = await InteriorIdAsync();
        var page = await Editor.GetPageAsync(EditUrl(id));

        var box = page.QuerySelector($"[name='{RussianBox(page)}']")!;
        Assert.Equal(RussianInterior, ((IHtmlInputElement)box).Value);
        Assert.Equal("Authority name (Русский)", page.QuerySelector($"label[for='{box.Id}']")!.Visible());
        Assert.Equal("en", page.QuerySelector("[name='Input.Name']")!.GetAttribute("lang"));
        Assert.Equal("Translated", page.QuerySelector(".translation-field .translation-state")!.Visible());
        // The English field and its translation sit together, so a wide screen can put them side by side.
        Assert.NotNull(page.QuerySelector(".translatable [name='Input.Name']"));
        Assert.NotNull(page.QuerySelector($".translatable [name='{box.GetAttribute("name")}']"));
    }

    [Fact]
    public async Task A_Russian_name_saved_with_its_authority_shows_on_the_Russian_page_with_history_and_clearing_it_removes_it()
    {
        var id = await InteriorIdAsync();
        await using (var db = Portal.OpenDbContext())
        {
            await db.ContentTranslations.Where(t => t.EntityType == nameof(Authority) && t.EntityId == id).ExecuteDeleteAsync();
        }
        var historyBefore = await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == nameof(ContentTranslation)));
        var page = await Editor.GetPageAsync(EditUrl(id));
        Assert.Equal("Not translated", page.QuerySelector(".translation-field .translation-state")!.Visible());
        Assert.Contains(Interior, await RussianPublicAuthoritiesAsync());

        await SaveAsync(EditUrl(id), EditAction(id), new() { [RussianBox(page)] = "  Министерство внутренних дел  " });

        var saved = await RussianNameAsync(id);
        Assert.NotNull(saved);
        Assert.Equal("Министерство внутренних дел", saved.Text);
        Assert.Equal(TranslatableFields.Hash(Interior), saved.EnglishHash);
        Assert.Equal(historyBefore + 1, await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == nameof(ContentTranslation))));
        var added = await ReadAsync(db => db.ChangeRecords.OrderBy(r => r.Id).LastAsync(r => r.EntityType == nameof(ContentTranslation)));
        Assert.Equal((ChangeAction.Created, saved.Id), (added.Action, added.EntityId));
        var russian = await RussianPublicAuthoritiesAsync();
        Assert.Contains("Министерство внутренних дел", russian);
        Assert.DoesNotContain(Interior, russian);
        Assert.Equal(TranslationState.Current, await StateOfRussianNameAsync(id));

        page = await Editor.GetPageAsync(EditUrl(id));
        await SaveAsync(EditUrl(id), EditAction(id), new() { [RussianBox(page)] = "   " });

        Assert.Null(await RussianNameAsync(id));
        var deleted = await ReadAsync(db => db.ChangeRecords.OrderBy(r => r.Id).LastAsync(r => r.EntityType == nameof(ContentTranslation)));
        Assert.Equal((ChangeAction.Deleted, saved.Id), (deleted.Action, deleted.EntityId));
        Assert.Contains(Interior, await RussianPublicAuthoritiesAsync());
        Assert.Equal(TranslationState.Missing, await StateOfRussianNameAsync(id));
    }

    [Fact]
    public async Task Changing_the_English_alone_leaves_the_Russian_untouched_and_out_of_date_while_saving_both_keeps_it_current()
    {
        var id = await InteriorIdAsync();
        var before = (await RussianNameAsync(id))!;
        var historyBefore = await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == nameof(ContentTranslation)));

        await SaveAsync(EditUrl(id), EditAction(id), new() { ["Input.Name"] = "Ministry of Internal Affairs" });

        var after = (await RussianNameAsync(id))!;
        Assert.Equal((before.Text, before.EnglishHash, before.Version), (after.Text, after.EnglishHash, after.Version));
        Assert.Equal(historyBefore, await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == nameof(ContentTranslation))));
        Assert.Equal(TranslationState.OutOfDate, await StateOfRussianNameAsync(id));
        var page = await Editor.GetPageAsync(EditUrl(id));
        Assert.Equal("Out of date: the English changed since this was translated", page.QuerySelector(".translation-field .translation-state")!.Visible());

        // A translation saved together with a changed English was made against that English.
        await SaveAsync(EditUrl(id), EditAction(id), new()
        {
            ["Input.Name"] = "Ministry of Internal Affairs of the Republic of Kazakhstan",
            [RussianBox(page)] = "Министерство внутренних дел Республики Казахстан (МВД)",
        });
        var rewritten = (await RussianNameAsync(id))!;
        Assert.Equal(TranslatableFields.Hash("Ministry of Internal Affairs of the Republic of Kazakhstan"), rewritten.EnglishHash);
        Assert.Equal(TranslationState.Current, await StateOfRussianNameAsync(id));
        Assert.Equal(historyBefore + 1, await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == nameof(ContentTranslation))));
    }

    [Fact]
    public async Task A_translation_changed_by_someone_else_meanwhile_refuses_the_save_with_both_versions_and_keeps_what_was_typed()
    {
        var id = await InteriorIdAsync();
        var opened = await Editor.GetPageAsync(EditUrl(id));
        var box = RussianBox(opened);
        var staleVersion = ValueOf(opened, box.Replace(".Text", ".Version", StringComparison.Ordinal));

        await using (var db = Portal.OpenDbContext())
        {
            var theirs = await db.ContentTranslations.SingleAsync(t => t.EntityType == nameof(Authority) && t.EntityId == id && t.Field == "Name" && t.Language == "ru");
            theirs.Text = "МВД Республики Казахстан";
            await db.SaveChangesAsync();
        }

        var page = await RefusedAsync(EditUrl(id), EditAction(id), new()
        {
            [box.Replace(".Text", ".Version", StringComparison.Ordinal)] = staleVersion,
            [box] = "Министерство внутренних дел",
            ["Input.Name"] = "Ministry of the Interior",
        });

        var conflict = page.QuerySelector(".conflict");
        Assert.True(conflict is not null, "no conflict panel: " + page.QuerySelector("main")?.Visible());
        var row = conflict.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "Authority name (Русский)");
        Assert.Equal(["МВД Республики Казахстан", "Министерство внутренних дел"], row.QuerySelectorAll("td").Select(td => td.Visible()));
        Assert.Equal("Министерство внутренних дел", ValueOf(page, box));
        Assert.Equal("Ministry of the Interior", ValueOf(page, "Input.Name"));
        Assert.NotEqual(staleVersion, ValueOf(page, box.Replace(".Text", ".Version", StringComparison.Ordinal)));
        // Nothing was saved: neither the English nor the translation.
        Assert.Equal("МВД Республики Казахстан", (await RussianNameAsync(id))!.Text);
        Assert.Equal(1, await ReadAsync(db => db.Authorities.CountAsync(a => a.Name == Interior)));

        // Saving again knowingly replaces theirs.
        await SaveAsync(EditUrl(id), EditAction(id), new() { [box] = "Министерство внутренних дел" });
        Assert.Equal("Министерство внутренних дел", (await RussianNameAsync(id))!.Text);
    }

    [Fact]
    public async Task An_over_long_translation_is_explained_beside_its_box_and_nothing_is_saved()
    {
        var id = await InteriorIdAsync();
        var opened = await Editor.GetPageAsync(EditUrl(id));
        var box = RussianBox(opened);
        var tooLong = new string('ж', 301);

        var page = await RefusedAsync(EditUrl(id), EditAction(id), new() { [box] = tooLong, ["Input.Name"] = "Ministry of the Interior" });

        Assert.Equal("Keep the text under 300 characters.", ErrorBeside(page, box));
        Assert.Equal(tooLong, ValueOf(page, box));
        Assert.Equal("Ministry of the Interior", ValueOf(page, "Input.Name"));
        Assert.Equal(RussianInterior, (await RussianNameAsync(id))!.Text);
        Assert.Equal(1, await ReadAsync(db => db.Authorities.CountAsync(a => a.Name == Interior)));
    }

    [Fact]
    public async Task A_translated_text_typed_with_a_browsers_line_breaks_is_stored_with_plain_ones()
    {
        var section = await IdAsync(db => db.NarrativeSections.Where(n => n.Country.Slug == "kazakhstan" && n.Language == "en")
            .OrderBy(n => n.SortOrder).Select(n => n.Id).Take(1));
        var url = $"/admin/narrative/edit/{section}";
        var page = await Editor.GetPageAsync(url);
        var body = page.QuerySelectorAll("form.form textarea[lang=ru][name$='.Text']").Single().GetAttribute("name")!;

        await SaveAsync(url, url, new() { [body] = "Первый абзац.\r\n\r\nВторой абзац.\r\n" });

        var stored = await ReadAsync(db => db.ContentTranslations.AsNoTracking().SingleAsync(t =>
            t.EntityType == nameof(NarrativeSection) && t.EntityId == section && t.Field == "BodyMarkdown" && t.Language == "ru"));
        Assert.Equal("Первый абзац.\n\nВторой абзац.", stored.Text);
        var html = await Editor.Http.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.DoesNotContain("&#xD;", html, StringComparison.OrdinalIgnoreCase);
    }
}

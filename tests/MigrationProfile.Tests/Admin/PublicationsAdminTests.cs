using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the relevant publications current: links, publishers and years, in the order they choose.</summary>
public class PublicationsAdminTests : SignedInEditorTests
{
    private const string ListUrl = "/admin/publications?country=kazakhstan";
    private const string NewUrl = "/admin/publications/edit?country=kazakhstan";
    private const string ProfileLight = "Kazakhstan Migration Profile Light 2015";

    private Task<int> IdOfAsync(string title) => IdAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id));

    private static string EditUrl(int id) => $"/admin/publications/edit/{id}";

    private static string EditAction(int id) => $"/admin/publications/edit/{id}?country=kazakhstan";

    private async Task<string[]> PublicPublicationsAsync()
    {
        var page = await PublicProfileAsync();
        return [.. page.QuerySelectorAll("#relevant-publications li").Select(li => $"{li.Visible()} → {li.QuerySelector("a")?.GetAttribute("href") ?? "no link"}")];
    }

    [Fact]
    public async Task A_new_publication_and_an_edit_to_it_show_on_the_public_page()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.Title"] = "Migration in Central Asia 2025",
            ["Input.Publisher"] = "ICMPD",
            ["Input.Year"] = "2025",
            ["Input.Url"] = "https://www.icmpd.org/",
        });
        Assert.Equal("Migration in Central Asia 2025 ICMPD, 2025 → https://www.icmpd.org/", (await PublicPublicationsAsync())[^1]);

        var id = await IdOfAsync(ProfileLight);
        await SaveAsync(EditUrl(id), EditAction(id), new() { ["Input.Publisher"] = "IOM", ["Input.Year"] = "2015", ["Input.Url"] = "https://publications.iom.int/" });

        Assert.Contains($"{ProfileLight} IOM, 2015 → https://publications.iom.int/", await PublicPublicationsAsync());
    }

    [Fact]
    public async Task Bad_input_is_explained_beside_each_field_and_everything_typed_is_kept()
    {
        var id = await IdOfAsync(ProfileLight);

        var page = await RefusedAsync(EditUrl(id), EditAction(id), new()
        {
            ["Input.Title"] = "",
            ["Input.Publisher"] = "IOM",
            ["Input.Year"] = "1815",
            ["Input.Url"] = "ftp://iom.int/profile.pdf",
        });

        Assert.Equal("Enter the publication's title.", ErrorBeside(page, "Input.Title"));
        Assert.Contains("Enter a year from 1900", ErrorBeside(page, "Input.Year"), StringComparison.Ordinal);
        Assert.Contains("starting with https://", ErrorBeside(page, "Input.Url"), StringComparison.Ordinal);
        Assert.Equal(("IOM", "1815", "ftp://iom.int/profile.pdf"), (ValueOf(page, "Input.Publisher"), ValueOf(page, "Input.Year"), ValueOf(page, "Input.Url")));
        Assert.Null(await ReadAsync(async db => (await db.Publications.SingleAsync(p => p.Id == id)).Publisher));
    }

    [Fact]
    public async Task Moving_a_publication_changes_the_public_order()
    {
        var before = await PublicPublicationsAsync();
        var id = await IdOfAsync(ProfileLight);

        await SaveAsync(ListUrl, "/admin/publications?handler=move",
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "1" });

        var after = await PublicPublicationsAsync();
        var index = Array.FindIndex(before, p => p.StartsWith(ProfileLight, StringComparison.Ordinal));
        Assert.Equal([.. before[..index], before[index + 1], before[index], .. before[(index + 2)..]], after);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        var id = await IdOfAsync(ProfileLight);

        await AssertStaleSaveShowsBothVersionsAsync(EditUrl(id), EditAction(id), "Input.Publisher", "IOM", "UNDP", "Publisher",
            async db => (await db.Publications.SingleAsync(p => p.Id == id)).Publisher);
    }
}

using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the key policy documents current: titles with their years, in the order they choose.</summary>
public class PolicyDocumentsAdminTests : SignedInEditorTests
{
    private const string ListUrl = "/admin/policy-documents?country=kazakhstan";
    private const string NewUrl = "/admin/policy-documents/edit?country=kazakhstan";

    private Task<int> IdOfAsync(string title) => IdAsync(db => db.PolicyDocuments.Where(p => p.Title == title).Select(p => p.Id));

    private static string EditUrl(int id) => $"/admin/policy-documents/edit/{id}";

    private static string EditAction(int id) => $"/admin/policy-documents/edit/{id}?country=kazakhstan";

    /// <summary>The public list as a sighted reader sees it, "title → link".</summary>
    private async Task<string[]> PublicDocumentsAsync()
    {
        var page = await PublicProfileAsync();
        return [.. page.QuerySelectorAll("#key-policy-documents .document-list > li").Select(li =>
            Text.Collapse(string.Concat(li.ChildNodes.Where(n => n is not IElement { ClassName: "visually-hidden" }).Select(n => n.TextContent)))
            + $" → {li.QuerySelector("a")?.GetAttribute("href") ?? "no link"}")];
    }

    [Fact]
    public async Task A_new_document_and_an_edit_to_it_show_on_the_public_page_with_their_years()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.Title"] = "Law on Employment",
            ["Input.Kind"] = nameof(PolicyDocumentKind.Law),
            ["Input.YearAdopted"] = "2016",
            ["Input.YearLastAmended"] = "2023",
            ["Input.Url"] = "https://adilet.zan.kz/eng/docs/Z1600000482",
        });
        var shown = await PublicDocumentsAsync();
        Assert.Equal(8, shown.Length);
        Assert.Equal("2016 (2023) Law on Employment → https://adilet.zan.kz/eng/docs/Z1600000482", shown[^1]);

        var id = await IdOfAsync("Law on Employment");
        await SaveAsync(EditUrl(id), EditAction(id), new() { ["Input.YearLastAmended"] = "", ["Input.Url"] = "" });

        Assert.Equal("2016 Law on Employment → no link", (await PublicDocumentsAsync())[^1]);
    }

    public static TheoryData<string, string, string, string> BadYears => new()
    {
        // adopted, amended, field with the message, words of the message
        { "2018", "2011", "Input.YearLastAmended", "cannot be amended before it was adopted (2018)" },
        { "", "2011", "Input.YearAdopted", "Enter the year adopted as well" },
        { "1850", "", "Input.YearAdopted", $"Enter a year from 1900 to {ReferenceYearAttribute.Last}." },
        { "2011", "3000", "Input.YearLastAmended", "Enter a year from 1900" },
        { "twenty eleven", "2018", "Input.YearAdopted", "\"twenty eleven\" is not valid for Year adopted" },
    };

    [Theory]
    [MemberData(nameof(BadYears))]
    public async Task Years_are_checked_and_explained_beside_their_field_with_the_input_kept(string adopted, string amended, string field, string message)
    {
        var id = await IdOfAsync("Law on Migration");

        var page = await RefusedAsync(EditUrl(id), EditAction(id), new()
        {
            ["Input.Title"] = "Law on Migration (revised)",
            ["Input.YearAdopted"] = adopted,
            ["Input.YearLastAmended"] = amended,
        });

        Assert.Contains(message, ErrorBeside(page, field), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".error-summary li"));
        Assert.Equal((adopted, amended, "Law on Migration (revised)"),
            (ValueOf(page, "Input.YearAdopted"), ValueOf(page, "Input.YearLastAmended"), ValueOf(page, "Input.Title")));
        Assert.Equal(nameof(PolicyDocumentKind.Law), ValueOf(page, "Input.Kind"));
        Assert.Equal("Law on Migration", await ReadAsync(async db => (await db.PolicyDocuments.SingleAsync(p => p.Id == id)).Title));
    }

    [Fact]
    public async Task A_title_and_a_kind_are_required_and_a_link_must_be_a_web_address()
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new() { ["Input.Title"] = " ", ["Input.Kind"] = "", ["Input.Url"] = "adilet.zan.kz" });

        Assert.Equal("Enter the document's title.", ErrorBeside(page, "Input.Title"));
        Assert.Equal("Choose what kind of document this is.", ErrorBeside(page, "Input.Kind"));
        Assert.Contains("starting with https://", ErrorBeside(page, "Input.Url"), StringComparison.Ordinal);
        Assert.Equal("adilet.zan.kz", ValueOf(page, "Input.Url"));
    }

    [Fact]
    public async Task Moving_a_document_changes_the_public_order()
    {
        var before = await PublicDocumentsAsync();
        var list = await Editor.GetPageAsync(ListUrl);
        var buttons = list.QuerySelectorAll("tbody tr").Select(r => string.Join(", ", r.QuerySelectorAll("button").Select(b => b.Visible()))).ToList();
        Assert.Equal("Move down Migration Policy Concept 2023-2027", buttons[0]);
        Assert.Equal("Move up Law of Refugees", buttons[^1]);

        var id = await IdOfAsync("Law on Migration");
        await SaveAsync(ListUrl, "/admin/policy-documents?handler=move",
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "-1" });

        var after = await PublicDocumentsAsync();
        Assert.Equal([.. before[..3], before[4], before[3], .. before[5..]], after);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        var id = await IdOfAsync("Law on Migration");

        await AssertStaleSaveShowsBothVersionsAsync(EditUrl(id), EditAction(id), "Input.Title",
            "Law on Migration of Population", "Law on Population Migration", "Title",
            async db => (await db.PolicyDocuments.SingleAsync(p => p.Id == id)).Title);
    }
}

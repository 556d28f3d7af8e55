using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the country's own details: its name, the note under General Information and the latest-update date.</summary>
public class ProfileAdminTests : SignedInEditorTests
{
    private const string PageUrl = "/admin/profile?country=kazakhstan";

    [Fact]
    public async Task Edited_details_and_a_date_set_by_hand_show_on_the_public_page()
    {
        await SaveAsync(PageUrl, PageUrl, new()
        {
            ["Input.Name"] = "Republic of Kazakhstan",
            ["Input.GeneralInformationNote"] = "International figures are refreshed each quarter.",
            ["Input.LatestUpdate"] = "2025-03-01",
        });

        var page = await PublicProfileAsync();
        Assert.Equal("Republic of Kazakhstan", page.QuerySelector("h1")!.Visible());
        Assert.Equal("Latest update: 1 March 2025", page.QuerySelector(".profile-footer")!.Visible());
        Assert.Contains("International figures are refreshed each quarter.", page.QuerySelector("#general-information")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_touching_the_date_stamps_today()
    {
        await SaveAsync(PageUrl, PageUrl, new() { ["Input.Name"] = "Kazakhstan (Qazaqstan)" });

        var page = await PublicProfileAsync();
        Assert.Equal($"Latest update: {FigureFormatter.Date(DateOnly.FromDateTime(DateTime.UtcNow))}", page.QuerySelector(".profile-footer")!.Visible());
    }

    [Fact]
    public async Task The_form_starts_from_the_saved_details_and_shows_the_keys_read_only()
    {
        var page = await Editor.GetPageAsync(PageUrl);

        Assert.Equal(("Kazakhstan", "2024-09-09"), (ValueOf(page, "Input.Name"), ValueOf(page, "Input.LatestUpdate")));
        Assert.Equal("date", page.QuerySelector("[name='Input.LatestUpdate']")!.GetAttribute("type"));
        Assert.Contains("KAZ", page.QuerySelector("main")!.Visible(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[name$='Slug'], [name$='Iso3Code']"));
        Assert.All(page.QuerySelectorAll("main input:not([type=hidden]), main textarea"),
            control => Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
    }

    [Theory]
    [InlineData("Input.LatestUpdate", "31/12/2024", "\"31/12/2024\" is not a date: write it as year-month-day")]
    [InlineData("Input.LatestUpdate", "2099-01-01", "Enter a date from 1900 up to today.")]
    [InlineData("Input.LatestUpdate", "", "Enter the date of the latest update")]
    [InlineData("Input.Name", "", "Enter the country's name.")]
    public async Task Bad_input_is_explained_beside_its_field_and_everything_typed_is_kept(string field, string typed, string message)
    {
        var page = await RefusedAsync(PageUrl, PageUrl, new() { [field] = typed, ["Input.GeneralInformationNote"] = "Typed by the editor." });

        Assert.Contains(message, ErrorBeside(page, field), StringComparison.Ordinal);
        Assert.Equal(typed, ValueOf(page, field));
        Assert.Equal("Typed by the editor.", ValueOf(page, "Input.GeneralInformationNote"));
        Assert.Equal("Kazakhstan", await ReadAsync(async db => (await db.Countries.SingleAsync(c => c.Iso3Code == "KAZ")).Name));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        await AssertStaleSaveShowsBothVersionsAsync(PageUrl, PageUrl, "Input.Name", "Kazakhstan (KZ)", "Qazaqstan", "Name",
            async db => (await db.Countries.SingleAsync(c => c.Iso3Code == "KAZ")).Name);
    }
}

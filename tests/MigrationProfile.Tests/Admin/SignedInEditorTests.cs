using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Tests.Admin;

/// <summary>
/// Each test gets its own copy of the seeded portal and an editor signed in to it, plus the checks every
/// admin section shares: a save redirects, an error sits beside its field, a stale save shows both versions.
/// </summary>
public abstract class SignedInEditorTests : IAsyncLifetime
{
    protected PortalFactory Portal { get; } = new();

    protected AdminClient Editor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        Editor = await AdminClient.SignInAsync(Portal, Roles.Editor);
    }

    public async Task DisposeAsync()
    {
        Editor.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }

    protected Task<IHtmlDocument> PublicProfileAsync() => Portal.GetDocumentAsync("/countries/kazakhstan");

    /// <summary>Posts the form of <paramref name="pageUrl"/> whose action is <paramref name="actionUrl"/> and expects a redirect.</summary>
    protected async Task SaveAsync(string pageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        var (response, page) = await Editor.PostFormAsync(pageUrl, actionUrl, fields);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"POST {actionUrl} answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.Visible()}{page.QuerySelector("#delete-refusal")?.Visible()}");
        }
    }

    /// <summary>Posts and expects the form back (200), as after a validation error, a refusal or a conflict.</summary>
    protected async Task<IHtmlDocument> RefusedAsync(string pageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        var (response, page) = await Editor.PostFormAsync(pageUrl, actionUrl, fields);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return page;
    }

    protected async Task<int> IdAsync(Func<AppDbContext, IQueryable<int>> query)
    {
        await using var db = Portal.OpenDbContext();
        return await query(db).SingleAsync();
    }

    protected async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = Portal.OpenDbContext();
        return await query(db);
    }

    /// <summary>The message shown beside a field.</summary>
    protected static string ErrorBeside(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.Visible() ?? "";

    /// <summary>What a field holds as the page shows it: an input's or textarea's text, a select's chosen value.</summary>
    protected static string ValueOf(IHtmlDocument page, string field) => page.QuerySelector($"[name='{field}']") switch
    {
        IHtmlSelectElement select => select.Value ?? "",
        IHtmlTextAreaElement textArea => textArea.Value,
        IHtmlInputElement input => input.Value,
        _ => throw new InvalidOperationException($"No field {field} on the page."),
    };

    /// <summary>
    /// Opens the edit form, lets another editor save <paramref name="theirs"/> into <paramref name="field"/>, then saves
    /// <paramref name="yours"/> with the version first seen: refused, both versions shown, the input kept, theirs stored.
    /// </summary>
    protected async Task AssertStaleSaveShowsBothVersionsAsync(string editUrl, string actionUrl, string field, string theirs, string yours,
        string conflictRowLabel, Func<AppDbContext, Task<string?>> stored)
    {
        var staleVersion = ValueOf(await Editor.GetPageAsync(editUrl), "Input.Version");
        using (var other = await AdminClient.SignInAsync(Portal, Roles.Editor, "other-editor@tests.example.org"))
        {
            var (first, _) = await other.PostFormAsync(editUrl, actionUrl, new Dictionary<string, string> { [field] = theirs });
            using (first)
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }
        }

        var page = await RefusedAsync(editUrl, actionUrl, new() { ["Input.Version"] = staleVersion, [field] = yours });

        var conflict = page.QuerySelector(".conflict");
        Assert.True(conflict is not null, "no conflict panel: " + page.QuerySelector("main")?.Visible());
        var row = conflict.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == conflictRowLabel);
        Assert.Equal([theirs, yours], row.QuerySelectorAll("td").Select(td => td.Visible()));
        Assert.Equal(yours, ValueOf(page, field));
        Assert.NotEqual(staleVersion, ValueOf(page, "Input.Version"));
        Assert.Equal(theirs, await ReadAsync(stored));
    }
}

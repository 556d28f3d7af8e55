using System.Net;
using AngleSharp.Html.Dom;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Admin;

public class SignInTests
{
    [Fact]
    public async Task The_sign_in_form_has_labelled_email_and_password_fields()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));

        foreach (var (label, type) in new[] { ("Email", "email"), ("Password", "password") })
        {
            var labelElement = page.QuerySelectorAll("label").Single(l => l.Visible() == label);
            var input = page.GetElementById(labelElement.GetAttribute("for")!) as IHtmlInputElement;
            Assert.NotNull(input);
            Assert.Equal(type, input.Type);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong_and_keeps_the_email()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        using var visitor = await NewVisitorAsync(portal);

        var (response, page) = await visitor.PostFormAsync("/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = "wrong-password-1A!" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("Email or password is incorrect.", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("editor@tests.example.org", ((IHtmlInputElement)page.GetElementById("Input_Email")!).Value);
        Assert.Equal("", ((IHtmlInputElement)page.GetElementById("Input_Password")!).Value);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        using var visitor = await NewVisitorAsync(portal);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (failed, _) = await visitor.PostFormAsync("/account/login", null,
                new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = $"wrong-{attempt}-Aa!" });
            failed.Dispose();
        }
        var (response, page) = await visitor.PostFormAsync("/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = "Correct-Horse-9-battery" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("locked", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_opens_the_dashboard_and_signing_out_ends_the_session()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Contains("editor@tests.example.org", dashboard.QuerySelector(".account-bar")!.Visible(), StringComparison.Ordinal);

        var (signOut, _) = await editor.PostFormAsync("/admin", "/account/logout", new Dictionary<string, string>());
        using (signOut)
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }
        using var after = await editor.Http.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_return_address_outside_the_portal_is_ignored()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        using var visitor = await NewVisitorAsync(portal);

        var (response, _) = await visitor.PostFormAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", null,
            new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = "Correct-Horse-9-battery" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        }
    }

    /// <summary>A browser that has not signed in: an admin account is created so the helper has someone, then signed out.</summary>
    private static async Task<AdminClient> NewVisitorAsync(PortalFactory portal)
    {
        var client = await AdminClient.SignInAsync(portal, Roles.Admin, "someone-else@tests.example.org");
        var (signOut, _) = await client.PostFormAsync("/admin", "/account/logout", new Dictionary<string, string>());
        signOut.Dispose();
        return client;
    }

    [Fact]
    public async Task On_plain_http_the_sign_in_page_asks_for_https_instead_of_failing()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();

        var page = await portal.GetDocumentAsync("/account/login");

        Assert.Contains("needs a secure connection", page.QuerySelector("main")!.Visible(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form"));
    }
}

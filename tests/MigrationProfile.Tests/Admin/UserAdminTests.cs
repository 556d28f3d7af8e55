using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Admin;

/// <summary>Admins manage accounts under /admin/users: create, re-role, deactivate, unlock and set passwords; editors cannot.</summary>
public class UserAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string AdminEmail = "admin@tests.example.org";
    private const string EditorEmail = "editor@tests.example.org";
    private const string Password = "Correct-Horse-9-battery";

    [Fact]
    public async Task An_editor_is_refused_every_user_page_and_every_action_on_it()
    {
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        var adminId = await UserIdAsync(AdminEmail);
        var token = (await editor.GetPageAsync("/admin"))
            .QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var accountsBefore = await CountAccountsAsync();

        var urls = UserPageUrls(adminId);
        Assert.Contains("/admin/users", urls);
        Assert.Contains("/admin/users/create", urls);
        Assert.Contains($"/admin/users/edit/{adminId}", urls);
        foreach (var url in urls)
        {
            using var get = await editor.Http.GetAsync(url);
            AssertRefused(get, "GET", url);

            foreach (var handler in new[] { "", "?handler=deactivate", "?handler=reactivate", "?handler=unlock", "?handler=resetpassword" })
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = "intruder@tests.example.org",
                    ["Input.DisplayName"] = "Intruder",
                    ["Input.Role"] = Roles.Admin,
                    ["Input.Password"] = "Intruder-Pass-1!",
                    ["Reset.NewPassword"] = "Intruder-Pass-1!",
                    ["Reset.ConfirmPassword"] = "Intruder-Pass-1!",
                });
                using var post = await editor.Http.PostAsync(url + handler, form);
                AssertRefused(post, "POST", url + handler);
            }
        }

        Assert.Equal(accountsBefore, await CountAccountsAsync());
        await using var db = portal.OpenDbContext();
        var adminAccount = await db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId);
        Assert.True(adminAccount.IsActive);
        Assert.Equal("admin", adminAccount.DisplayName);
        Assert.Equal("Users", (await admin.GetPageAsync("/admin/users")).QuerySelector("h1")!.Visible());
        using var unknown = await admin.Http.GetAsync("/admin/users/edit/no-such-account");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_an_editor_who_can_then_sign_in()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);

        var (response, _) = await admin.PostFormAsync("/admin/users/create", "/admin/users/create", new Dictionary<string, string>
        {
            ["Input.Email"] = "  aigerim@tests.example.org ",
            ["Input.DisplayName"] = "Aigerim Nurlanovna",
            ["Input.Role"] = Roles.Editor,
            ["Input.Password"] = "Steppe-Wind-2024!",
        });

        var list = await FollowAsync(admin, response, "/admin/users");
        Assert.Contains("Created the Editor account for Aigerim Nurlanovna (aigerim@tests.example.org)", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        var row = RowOf(list, "aigerim@tests.example.org");
        Assert.Equal(["Aigerim Nurlanovna", "aigerim@tests.example.org", "Editor", "Active", "Not locked"], row[..5]);

        using var created = await AdminClient.SignInAsync(portal, Roles.Editor, "aigerim@tests.example.org", "Steppe-Wind-2024!");
        Assert.Equal("Dashboard", (await created.GetPageAsync("/admin")).QuerySelector("h1")!.Visible());
        using var users = await created.Http.GetAsync("/admin/users");
        AssertRefused(users, "GET", "/admin/users");
    }

    [Fact]
    public async Task A_taken_email_is_refused_beside_the_field_with_the_input_kept()
    {
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        var accountsBefore = await CountAccountsAsync();

        var (response, page) = await admin.PostFormAsync("/admin/users/create", "/admin/users/create", new Dictionary<string, string>
        {
            ["Input.Email"] = "ADMIN@tests.example.org",
            ["Input.DisplayName"] = "A second admin",
            ["Input.Role"] = Roles.Admin,
            ["Input.Password"] = "Steppe-Wind-2024!",
        });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal("An account with the email ADMIN@tests.example.org already exists. Edit that account instead, or use another email.",
            ErrorBeside(page, "Input.Email"));
        Assert.Equal("", ErrorBeside(page, "Input.Password"));
        Assert.Equal("ADMIN@tests.example.org", page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("A second admin", page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal(Roles.Admin, CheckedRole(page));
        Assert.Equal($"/admin/users/edit/{await UserIdAsync(AdminEmail)}",
            page.QuerySelectorAll("a").Single(a => a.Visible() == "Open the existing account").GetAttribute("href"));
        Assert.Equal(accountsBefore, await CountAccountsAsync());
    }

    [Fact]
    public async Task A_weak_password_gets_identitys_messages_beside_the_field_with_the_input_kept()
    {
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);

        var (response, page) = await admin.PostFormAsync("/admin/users/create", "/admin/users/create", new Dictionary<string, string>
        {
            ["Input.Email"] = "weak@tests.example.org",
            ["Input.DisplayName"] = "Weak Password",
            ["Input.Role"] = Roles.Editor,
            ["Input.Password"] = "short",
        });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var message = ErrorBeside(page, "Input.Password");
        Assert.Contains("Passwords must be at least 10 characters.", message, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", message, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one uppercase ('A'-'Z').", message, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one non alphanumeric character.", message, StringComparison.Ordinal);
        Assert.Equal("", ErrorBeside(page, "Input.Email"));
        Assert.Equal("weak@tests.example.org", page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("Weak Password", page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal(Roles.Editor, CheckedRole(page));
        Assert.Null(await FindAccountAsync(portal, "weak@tests.example.org"));
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_session_and_prevents_sign_in_until_reactivated()
    {
        await using var portal = new CheckEverySessionPortal();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        var editUrl = await EditUrlAsync(admin, EditorEmail);

        var (response, _) = await admin.PostFormAsync(editUrl, $"{editUrl}?handler=deactivate", new Dictionary<string, string>());

        var list = await FollowAsync(admin, response, "/admin/users");
        Assert.StartsWith("Deactivated editor (editor@tests.example.org).", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("Deactivated", RowOf(list, EditorEmail)[3]);
        using (var open = await editor.Http.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
            Assert.StartsWith("/account/login", open.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        using var visitor = await VisitorAsync(portal);
        Assert.Equal("This account is deactivated. Ask an administrator to reactivate it.", await SignInRefusalAsync(visitor, EditorEmail, Password));

        var (reactivated, _) = await admin.PostFormAsync(editUrl, $"{editUrl}?handler=reactivate", new Dictionary<string, string>());
        list = await FollowAsync(admin, reactivated, "/admin/users");
        Assert.StartsWith("Reactivated editor (editor@tests.example.org).", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        using var again = await AdminClient.SignInAsync(portal, Roles.Editor);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_or_demote_themselves()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        var editUrl = await EditUrlAsync(admin, AdminEmail);

        var own = await admin.GetPageAsync(editUrl);
        Assert.DoesNotContain(own.Forms, f => f.GetAttribute("action") == $"{editUrl}?handler=deactivate");
        Assert.Contains("You cannot deactivate your own account. Another admin can.", own.QuerySelector(".danger-zone")!.Visible(), StringComparison.Ordinal);

        // The button is not offered; a crafted request is refused all the same.
        var token = own.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var deactivate = await admin.Http.PostAsync($"{editUrl}?handler=deactivate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await deactivate.Content.ReadAsStringAsync());
        Assert.Contains("You cannot deactivate your own account. Another admin can do it.", refused.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);

        var (demote, page) = await admin.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.Role"] = Roles.Editor, ["Input.DisplayName"] = "Renamed" });
        using (demote)
        {
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        }
        Assert.Equal("You cannot remove your own Admin role. Another admin can do it.", ErrorBeside(page, "Input.Role"));
        Assert.Equal("Renamed", page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);

        var account = (await FindAccountAsync(portal, AdminEmail))!;
        Assert.True(account.IsActive);
        Assert.Equal("admin", account.DisplayName);
        Assert.Equal("Admin", RowOf(await admin.GetPageAsync("/admin/users"), AdminEmail)[2]);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var lastAdmin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using var leaving = await AdminClient.SignInAsync(portal, Roles.Admin, "leaving-admin@tests.example.org");
        var editUrl = await EditUrlAsync(leaving, AdminEmail);
        // Deactivated a moment ago: the session has not ended yet, so this admin can still post.
        await using (var db = portal.OpenDbContext())
        {
            await db.Users.Where(u => u.Email == "leaving-admin@tests.example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        var (demote, page) = await leaving.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.Role"] = Roles.Editor });
        demote.Dispose();
        Assert.Equal("admin is the last active admin. Make another account Admin first, so someone can still manage accounts.", ErrorBeside(page, "Input.Role"));

        var (deactivate, refused) = await leaving.PostFormAsync(editUrl, $"{editUrl}?handler=deactivate", new Dictionary<string, string>());
        deactivate.Dispose();
        Assert.Contains("admin is the last active admin and cannot be deactivated.", refused.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);

        var row = RowOf(await lastAdmin.GetPageAsync("/admin/users"), AdminEmail);
        Assert.Equal(["Admin", "Active"], row[2..4]);
    }

    [Fact]
    public async Task An_admin_renames_and_promotes_an_editor()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        var editUrl = await EditUrlAsync(admin, EditorEmail);

        var (response, _) = await admin.PostFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dana Editor",
            ["Input.Role"] = Roles.Admin,
        });

        var list = await FollowAsync(admin, response, "/admin/users");
        Assert.StartsWith("Saved Dana Editor (editor@tests.example.org), now Admin.", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(["Dana Editor", EditorEmail, "Admin"], RowOf(list, EditorEmail)[..3]);
        using var promoted = await AdminClient.SignInAsync(portal, Roles.Editor); // the existing account, now an admin
        Assert.Equal("Users", (await promoted.GetPageAsync("/admin/users")).QuerySelector("h1")!.Visible());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_showing_the_current_values_and_keeping_the_admins_input()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using var other = await AdminClient.SignInAsync(portal, Roles.Admin, "other-admin@tests.example.org");
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        var editUrl = await EditUrlAsync(admin, EditorEmail);
        var openedStamp = (await admin.GetPageAsync(editUrl)).QuerySelector<IHtmlInputElement>("#Input_ConcurrencyStamp")!.Value;

        var (theirs, _) = await other.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.DisplayName"] = "Their name" });
        theirs.Dispose();
        var (stale, page) = await admin.PostFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "My name",
            ["Input.Role"] = Roles.Admin,
            ["Input.ConcurrencyStamp"] = openedStamp,
        });

        using (stale)
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }
        var conflict = page.QuerySelector(".conflict")!;
        Assert.Equal("Someone else changed this account after you opened it", conflict.QuerySelector("h2")!.Visible());
        var rows = conflict.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Visible()).ToArray()).ToArray();
        Assert.Equal([["Display name", "Their name", "My name"], ["Role", "Editor", "Admin"]], rows);
        Assert.Equal("My name", page.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal(Roles.Admin, CheckedRole(page));
        var account = (await FindAccountAsync(portal, EditorEmail))!;
        Assert.Equal("Their name", account.DisplayName);
        Assert.Equal(account.ConcurrencyStamp, page.QuerySelector<IHtmlInputElement>("#Input_ConcurrencyStamp")!.Value);

        // Saving again from the conflict page, having seen theirs, replaces it.
        var (again, _) = await admin.PostFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "My name",
            ["Input.ConcurrencyStamp"] = page.QuerySelector<IHtmlInputElement>("#Input_ConcurrencyStamp")!.Value,
        });
        var list = await FollowAsync(admin, again, "/admin/users");
        Assert.Equal("My name", RowOf(list, EditorEmail)[0]);
    }

    [Fact]
    public async Task A_password_reset_lets_the_person_sign_in_with_the_new_password_only()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        var editUrl = await EditUrlAsync(admin, EditorEmail);
        var resetAction = $"{editUrl}?handler=resetpassword";

        var (weak, weakPage) = await admin.PostFormAsync(editUrl, resetAction, new Dictionary<string, string>
        {
            ["Reset.NewPassword"] = "alllowercase",
            ["Reset.ConfirmPassword"] = "alllowercase",
        });
        weak.Dispose();
        Assert.Equal("Passwords must have at least one non alphanumeric character. Passwords must have at least one digit ('0'-'9'). " +
            "Passwords must have at least one uppercase ('A'-'Z').", ErrorBeside(weakPage, "Reset.NewPassword"));
        var (mismatch, mismatchPage) = await admin.PostFormAsync(editUrl, resetAction, new Dictionary<string, string>
        {
            ["Reset.NewPassword"] = "Fresh-Start-2025!",
            ["Reset.ConfirmPassword"] = "Fresh-Start-2026!",
        });
        mismatch.Dispose();
        Assert.Equal("The two passwords are not the same.", ErrorBeside(mismatchPage, "Reset.ConfirmPassword"));
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
            // Refused resets changed nothing: the old password still works.
        }

        var (response, _) = await admin.PostFormAsync(editUrl, resetAction, new Dictionary<string, string>
        {
            ["Reset.NewPassword"] = "Fresh-Start-2025!",
            ["Reset.ConfirmPassword"] = "Fresh-Start-2025!",
        });

        var list = await FollowAsync(admin, response, "/admin/users");
        Assert.StartsWith("Set a new password for editor (editor@tests.example.org).", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        using var visitor = await VisitorAsync(portal);
        Assert.Equal("Email or password is incorrect.", await SignInRefusalAsync(visitor, EditorEmail, Password));
        using var signedIn = await AdminClient.SignInAsync(portal, Roles.Editor, EditorEmail, "Fresh-Start-2025!");
        Assert.Equal("Dashboard", (await signedIn.GetPageAsync("/admin")).QuerySelector("h1")!.Visible());
    }

    [Fact]
    public async Task Unlocking_lets_a_locked_out_person_sign_in_again()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        using (await AdminClient.SignInAsync(portal, Roles.Editor))
        {
        }
        using var visitor = await VisitorAsync(portal);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInRefusalAsync(visitor, EditorEmail, $"Wrong-Guess-{attempt}!");
        }
        Assert.StartsWith("Too many failed attempts", await SignInRefusalAsync(visitor, EditorEmail, Password), StringComparison.Ordinal);
        var list = await admin.GetPageAsync("/admin/users");
        Assert.EndsWith(" UTC", RowOf(list, EditorEmail)[4], StringComparison.Ordinal);
        var editUrl = await EditUrlAsync(admin, EditorEmail);

        var (response, _) = await admin.PostFormAsync(editUrl, $"{editUrl}?handler=unlock", new Dictionary<string, string>());

        list = await FollowAsync(admin, response, "/admin/users");
        Assert.StartsWith("Unlocked editor (editor@tests.example.org).", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("Not locked", RowOf(list, EditorEmail)[4]);
        using var signedIn = await AdminClient.SignInAsync(portal, Roles.Editor);
        Assert.Equal("Dashboard", (await signedIn.GetPageAsync("/admin")).QuerySelector("h1")!.Visible());
    }

    /// <summary>Checks the security stamp on every request instead of every minute, so a test sees a session end at once.</summary>
    private sealed class CheckEverySessionPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        }
    }

    /// <summary>Every URL of the pages under /Admin/Users, read from the app's endpoints, with the route's id filled in.</summary>
    private List<string> UserPageUrls(string id) =>
        [.. portal.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor page
                && page.ViewEnginePath.StartsWith("/Admin/Users/", StringComparison.Ordinal))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Replace("{id}", id, StringComparison.Ordinal).ToLowerInvariant())
            .Distinct()];

    private static void AssertRefused(HttpResponseMessage response, string method, string url) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath.Equals("/account/access-denied", StringComparison.Ordinal)),
            $"{method} {url} answered {(int)response.StatusCode} {response.Headers.Location}");

    private static async Task<IHtmlDocument> FollowAsync(AdminClient client, HttpResponseMessage response, string expectedLocation)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
            Assert.Equal(expectedLocation, response.Headers.Location!.OriginalString);
        }
        return await client.GetPageAsync(expectedLocation);
    }

    /// <summary>A browser that is not signed in (the helper needs an account to start from; it signs out at once).</summary>
    private static async Task<AdminClient> VisitorAsync(PortalFactory portal)
    {
        var visitor = await AdminClient.SignInAsync(portal, Roles.Editor, "visitor@tests.example.org");
        var (signOut, _) = await visitor.PostFormAsync("/admin", "/account/logout", new Dictionary<string, string>());
        signOut.Dispose();
        return visitor;
    }

    /// <summary>Tries to sign in and returns the refusal the form shows (fails if sign-in succeeds).</summary>
    private static async Task<string> SignInRefusalAsync(AdminClient visitor, string email, string password)
    {
        var (response, page) = await visitor.PostFormAsync("/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"signing in as {email} was not refused: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return page.QuerySelector(".error-summary li")!.Visible();
    }

    /// <summary>The Edit link of the account's row in the list, as an admin would click it.</summary>
    private static async Task<string> EditUrlAsync(AdminClient admin, string email)
    {
        var list = await admin.GetPageAsync("/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.Children[1].Visible() == email);
        return row.QuerySelector("a[href^='/admin/users/edit/']")!.GetAttribute("href")!;
    }

    /// <summary>The cells of the account's row in the list: name, email, role, status, locked out until, created.</summary>
    private static string[] RowOf(IHtmlDocument list, string email) =>
        list.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Visible()).ToArray()).Single(cells => cells[1] == email);

    private static string ErrorBeside(IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")!.Visible();

    private static string? CheckedRole(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Role']").SingleOrDefault(r => r.IsChecked)?.Value;

    private async Task<string> UserIdAsync(string email) => (await FindAccountAsync(portal, email))!.Id;

    private async Task<int> CountAccountsAsync()
    {
        await using var db = portal.OpenDbContext();
        return await db.Users.CountAsync();
    }

    private static async Task<MigrationProfile.Web.Data.Entities.AppUser?> FindAccountAsync(PortalFactory portal, string email)
    {
        await using var db = portal.OpenDbContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }
}

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Admin;

/// <summary>Nobody reaches the admin area without signing in, and account management is for admins only.</summary>
public class AdminAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Every route under /admin, read from the app's own endpoints, with its parameters filled in.</summary>
    private List<string> AdminUrls(string prefix = "admin")
    {
        var endpoints = portal.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var urls = endpoints
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(raw => raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(raw => "/" + System.Text.RegularExpressions.Regex.Replace(raw, @"\{[^}]+\}", "1").ToLowerInvariant())
            .Distinct()
            .ToList();
        Assert.True(urls.Count >= 3, $"expected admin routes under /{prefix}, found: {string.Join(", ", urls)}");
        return urls;
    }

    [Fact]
    public async Task Every_admin_route_sends_an_anonymous_visitor_to_sign_in()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var urls = AdminUrls();
        Assert.Contains("/admin/figures", urls);
        Assert.Contains("/admin/users", urls);

        foreach (var url in urls)
        {
            using var get = await client.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)get.StatusCode}");
            Assert.StartsWith("/account/login", get.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);

            using var post = await client.PostAsync(url, new FormUrlEncodedContent([]));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {url} answered {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task An_editor_is_refused_account_management()
    {
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);

        foreach (var url in AdminUrls("admin/users"))
        {
            using var response = await editor.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        }
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.Visible());
        Assert.DoesNotContain(dashboard.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public async Task Public_pages_carry_nothing_of_the_signed_in_person()
    {
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);

        var page = await editor.GetPageAsync("/countries/kazakhstan");

        Assert.DoesNotContain("editor@tests.example.org", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
    }
}

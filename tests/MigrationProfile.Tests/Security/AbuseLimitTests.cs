using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Security;

/// <summary>The portal with low limits: three API requests, two sign-in attempts, 64 KB bodies, 4 KB form fields.</summary>
public sealed class LowLimitsPortalFactory : PortalFactory
{
    public const int ApiRequests = 3;
    public const int SignInAttempts = 2;
    public const int MaxBody = 64 * 1024;
    public const int MaxField = 4096;

    /// <summary>Whether the portal trusts X-Forwarded-For, as behind a proxy with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.</summary>
    public bool ForwardedHeaders { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Api:PermitLimit", ApiRequests.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Api:Window", "01:00:00");
        builder.UseSetting("RateLimits:Api:QueueLimit", "0");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", SignInAttempts.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignIn:Window", "00:10:00");
        builder.UseSetting("RequestLimits:MaxRequestBodySize", MaxBody.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RequestLimits:MaxFormValueLength", MaxField.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("ForwardedHeaders_Enabled", ForwardedHeaders ? "true" : "false");
    }
}

public class AbuseLimitTests
{
    private static readonly HtmlParser s_parser = new();

    [Fact]
    public async Task The_api_answers_429_with_retry_after_and_problem_details_once_a_client_has_used_its_requests()
    {
        await using var portal = new LowLimitsPortalFactory();
        await portal.InitializeAsync();
        using var client = portal.CreateClient();

        for (var i = 0; i < LowLimitsPortalFactory.ApiRequests; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.GetAsync(new Uri("/api/v1/countries", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("https://", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("Try again in ", detail, StringComparison.Ordinal);
        Assert.Contains($"(Retry-After: {retryAfter})", detail, StringComparison.Ordinal);

        // Pages are not counted against the API's allowance.
        using var page = await client.GetAsync(new Uri("/countries/kazakhstan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Clients_are_told_apart_by_the_forwarded_address_only_when_forwarded_headers_are_enabled(bool forwarded, HttpStatusCode secondClient)
    {
        await using var portal = new LowLimitsPortalFactory { ForwardedHeaders = forwarded };
        await portal.InitializeAsync();
        using var client = portal.CreateClient();

        for (var i = 0; i <= LowLimitsPortalFactory.ApiRequests; i++)
        {
            using var first = await GetAsAsync(client, "203.0.113.10");
            Assert.Equal(i < LowLimitsPortalFactory.ApiRequests ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, first.StatusCode);
        }
        using var second = await GetAsAsync(client, "203.0.113.20");

        Assert.Equal(secondClient, second.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/indicators", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_the_sign_in_page_with_a_message_429_and_the_email_kept()
    {
        await using var portal = new LowLimitsPortalFactory();
        await portal.InitializeAsync();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        const string email = "someone@tests.example.org";

        for (var attempt = 1; attempt <= LowLimitsPortalFactory.SignInAttempts; attempt++)
        {
            var (status, _, wrong) = await SignInAsync(client, email, $"wrong-{attempt}-Aa!");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Email or password is incorrect.", wrong.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        }
        var (refusedStatus, retryAfter, page) = await SignInAsync(client, email, "another-Aa-1!");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedStatus);
        Assert.InRange(int.Parse(retryAfter!, CultureInfo.InvariantCulture), 1, 600);
        Assert.Contains("Too many sign-in attempts from this connection. Try again in", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(email, ((IHtmlInputElement)page.GetElementById("Input_Email")!).Value);
        Assert.Equal("", ((IHtmlInputElement)page.GetElementById("Input_Password")!).Value);
        Assert.Equal("Sign in", page.QuerySelector("h1")!.Visible());
    }

    private static async Task<(HttpStatusCode Status, string? RetryAfter, IHtmlDocument Page)> SignInAsync(HttpClient client, string email, string password)
    {
        var form = s_parser.ParseDocument(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
        return (response.StatusCode, retryAfter, s_parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_a_friendly_413_page_and_the_import_upload_keeps_its_larger_limit()
    {
        await using var portal = new LowLimitsPortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);
        var oversize = new string('x', LowLimitsPortalFactory.MaxBody + 1);

        var (response, page) = await admin.PostFormAsync("/admin/sources/edit", "/admin/sources/edit",
            new Dictionary<string, string> { ["Input.FullName"] = oversize });
        using (response)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        Assert.Equal("Too large to accept", page.QuerySelector("h1")!.Visible());

        using var api = portal.CreateClient();
        using var apiBody = new StringContent(oversize);
        using var apiResponse = await api.PostAsync(new Uri("/api/v1/indicators", UriKind.Relative), apiBody);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, apiResponse.StatusCode);
        Assert.DoesNotContain("Exception", await apiResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The import upload takes files far larger than the default: a 100 KB CSV is read and its problems reported.
        var csv = "Country Name,Country Code,Year,Value\n" + string.Concat(Enumerable.Repeat("Kazakhstan,KAZ,2020,abc\n", 5000));
        var (upload, uploadPage) = await admin.PostFileAsync("/admin/imports", new Dictionary<string, string> { ["Input.Format"] = "worldbank" },
            "Input.File", "SP.POP.TOTL.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        using (upload)
        {
            Assert.True(upload.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                $"The upload answered {(int)upload.StatusCode}: {uploadPage.QuerySelector("h1")?.Visible()}");
        }
    }

    [Fact]
    public async Task A_form_field_over_the_field_limit_gets_a_friendly_400_page_not_a_500()
    {
        await using var portal = new LowLimitsPortalFactory();
        await portal.InitializeAsync();
        using var admin = await AdminClient.SignInAsync(portal, Roles.Admin);

        var (response, page) = await admin.PostFormAsync("/admin/sources/edit", "/admin/sources/edit",
            new Dictionary<string, string> { ["Input.FullName"] = new string('x', LowLimitsPortalFactory.MaxField + 1) });

        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal("This request could not be served", page.QuerySelector("h1")!.Visible());
    }
}

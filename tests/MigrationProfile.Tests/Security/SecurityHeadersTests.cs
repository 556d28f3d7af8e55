using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Security;

/// <summary>
/// Every kind of response carries the headers that stop framing, script injection and MIME sniffing.
/// (The missing "Server" banner is checked on the real socket by the browser tests; this in-memory server has no Kestrel.)
/// </summary>
public class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A public host name: like ASP.NET's own, the library sends no HSTS to localhost.</summary>
    internal static readonly WebApplicationFactoryClientOptions s_https = new() { BaseAddress = new Uri("https://migrationprofile.example") };

    /// <summary>One of each kind of response. Add the editors' pages here as they appear.</summary>
    public static TheoryData<string, HttpStatusCode> Urls => new()
    {
        { "/", HttpStatusCode.OK },
        { "/countries/kazakhstan", HttpStatusCode.OK },
        { "/countries/atlantis", HttpStatusCode.NotFound },
        { "/api/v1/countries", HttpStatusCode.OK },
        { "/api/v1/countries/atlantis/profile", HttpStatusCode.NotFound },
        { "/health", HttpStatusCode.OK },
        { "/swagger/index.html", HttpStatusCode.OK },
        // A page with a form: it sets the antiforgery cookie.
        { "/account/login", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        SecurityHeaderAssertions.AssertSecurityHeaders(response);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Cookies_if_any_are_http_only_same_site_and_secure(string url, HttpStatusCode status)
    {
        using var client = portal.CreateClient(s_https);
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("httponly", attributes);
            Assert.Contains("secure", attributes);
            Assert.Contains(attributes, a => a is "samesite=strict" or "samesite=lax");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/countries/kazakhstan")]
    [InlineData("/api/v1/countries")]
    public async Task Visitors_get_no_cookie(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task Https_responses_tell_browsers_to_keep_to_https_for_a_year()
    {
        using var client = portal.CreateClient(s_https);
        using var response = await client.GetAsync("/countries/kazakhstan");

        Assert.Equal("max-age=31536000; includeSubDomains", SecurityHeaderAssertions.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_responses_carry_no_hsts_which_browsers_would_ignore()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://migrationprofile.example") });
        using var response = await client.GetAsync("/countries/kazakhstan");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Kestrel_sends_no_server_banner()
    {
        Assert.False(portal.GetService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}

/// <summary>The headers every response must carry; for any page, API or admin response.</summary>
public static class SecurityHeaderAssertions
{
    public static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");
}

/// <summary>Behind a TLS-terminating proxy, with ASP.NET's own ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.</summary>
public class BehindProxyTests(BehindProxyTests.BehindProxyPortalFactory portal) : IClassFixture<BehindProxyTests.BehindProxyPortalFactory>
{
    public sealed class BehindProxyPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
        }
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Hsts_follows_the_scheme_the_proxy_received(string forwardedProto, bool hsts)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://migrationprofile.example") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/countries/kazakhstan");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>A developer's machine: no HSTS, which would pin https on every localhost port for a year.</summary>
public class DevelopmentSecurityHeadersTests(DevelopmentSecurityHeadersTests.DevelopmentPortalFactory portal)
    : IClassFixture<DevelopmentSecurityHeadersTests.DevelopmentPortalFactory>
{
    public sealed class DevelopmentPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task Development_sends_no_hsts_but_every_other_header()
    {
        using var client = portal.CreateClient(SecurityHeadersTests.s_https);
        using var response = await client.GetAsync("/countries/kazakhstan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        SecurityHeaderAssertions.AssertSecurityHeaders(response);
    }
}

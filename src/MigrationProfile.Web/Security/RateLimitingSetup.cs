using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Api;
using MigrationProfile.Web.Files;

namespace MigrationProfile.Web.Security;

/// <summary>How many requests one client may send (section <c>RateLimits</c>). See docs/decisions/014-abuse-limits.md.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts (POST /account/login) per client address, on top of Identity's per-account lockout.</summary>
    /// <summary>False turns both limits off: for a load test or benchmark on loopback, or behind a proxy that limits
    /// requests itself. Never turn it off on a portal the internet reaches directly.</summary>
    public bool Enabled { get; set; } = true;

    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Requests to the open data API per client address; a burst up to the limit, refilled evenly over the window.</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1), QueueLimit = 20 };

    public sealed class WindowLimit
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }

        /// <summary>Requests over the limit that wait for a permit instead of being refused at once.</summary>
        public int QueueLimit { get; set; }
    }
}

/// <summary>How large a request may be (section <c>RequestLimits</c>); an endpoint that takes more says so with
/// <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c>, as the import upload does.</summary>
public sealed class RequestLimitSettings
{
    public const string SectionName = "RequestLimits";

    /// <summary>Any request body, unless the endpoint allows more: 4 MB, far above the largest admin form.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;

    /// <summary>One form field: 1 MB (a long narrative in Markdown is a few tens of KB).</summary>
    public int MaxFormValueLength { get; set; } = 1024 * 1024;

    /// <summary>Fields in one form: the largest admin form has a few dozen.</summary>
    public int MaxFormValueCount { get; set; } = 1000;

    /// <summary>A field's name.</summary>
    public int MaxFormKeyLength { get; set; } = 2048;
}

/// <summary>
/// Limits that keep one client from wearing the portal down: requests per client address on sign-in and the API
/// (ASP.NET Core's rate limiter), and the size of request bodies and forms.
/// </summary>
public static class RateLimitingSetup
{
    public const string RetryAfterHeader = "Retry-After";

    public static WebApplicationBuilder AddPortalAbuseLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitSettings>().Bind(builder.Configuration.GetSection(RateLimitSettings.SectionName));
        services.AddOptions<RequestLimitSettings>().Bind(builder.Configuration.GetSection(RequestLimitSettings.SectionName));
        services.AddSingleton<SignInRateLimiter>();
        services.Configure<MvcOptions>(mvc =>
        {
            mvc.Filters.Add<NulCharacterFilter>();
            mvc.ModelBinderProviders.Insert(0, new CheckboxValueBinderProvider());
        });

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitSettings>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodySize);
        services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitSettings>>((form, limits) =>
        {
            form.ValueLengthLimit = limits.Value.MaxFormValueLength;
            form.ValueCountLimit = limits.Value.MaxFormValueCount;
            form.KeyLengthLimit = limits.Value.MaxFormKeyLength;
            form.MultipartBodyLengthLimit = limits.Value.MaxRequestBodySize;
        });

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var api = settings.Value.Api;
            // The bucket refills evenly: one permit per Window/PermitLimit, or per second as many as that makes.
            var (period, tokensPerPeriod) = api.Window / Math.Max(1, api.PermitLimit) >= TimeSpan.FromSeconds(1)
                ? (api.Window / Math.Max(1, api.PermitLimit), 1)
                : (TimeSpan.FromSeconds(1), (int)Math.Ceiling(api.PermitLimit / Math.Max(1, api.Window.TotalSeconds)));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                settings.Value.Enabled && context.Request.Path.StartsWithSegments(OpenDataApi.Prefix, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientPartition(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = api.PermitLimit,
                        TokensPerPeriod = tokensPerPeriod,
                        ReplenishmentPeriod = period,
                        QueueLimit = api.QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = RetryAfter(rejected.Lease, period);
                return WriteApiRefusalAsync(rejected.HttpContext, retryAfter);
            };
        });
        services.AddRateLimiter(_ => { });
        return builder;
    }

    /// <summary>Counts requests before anything else is done for them; call it early, after the security headers.</summary>
    public static WebApplication UsePortalAbuseLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Refuses a body declared larger than its endpoint takes with 413 before anything reads it (a friendly page, or
    /// ProblemDetails on the API), so the antiforgery check or model binding never meets a half-read form. The limit is the
    /// endpoint's <c>[RequestSizeLimit]</c> / <c>[DisableRequestSizeLimit]</c> (or the PDF upload's <see cref="UploadLimitsAttribute"/>), else <c>RequestLimits:MaxRequestBodySize</c>.
    /// Kestrel enforces the same limit on bodies sent without a length. Call it right after <c>UseRouting</c>.
    /// </summary>
    public static WebApplication UsePortalRequestSizeLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The friendly error page re-executes the same request; by then the body is not going to be read.
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
            if (!reExecuted && context.Request.ContentLength is > 0 and var length)
            {
                var metadata = context.GetEndpoint()?.Metadata;
                var endpointLimit = metadata?.GetMetadata<IRequestSizeLimitMetadata>();
                var limit = metadata?.GetMetadata<UploadLimitsAttribute>() is not null
                    ? UploadLimitsAttribute.RequestLimit(context.RequestServices)
                    : endpointLimit is null
                    ? context.RequestServices.GetRequiredService<IOptions<RequestLimitSettings>>().Value.MaxRequestBodySize
                    : endpointLimit.MaxRequestBodySize;
                if (length > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// The client's address as the connection reports it. With ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (decision 006)
    /// ASP.NET has already replaced it with the proxy's X-Forwarded-For, and only then; an X-Forwarded-For sent straight
    /// to the portal counts for nothing. IPv6 clients are counted per /64, the block one subscriber usually holds.
    /// </summary>
    public static string ClientPartition(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return address.ToString();
    }

    /// <summary>When to come back: the limiter's own estimate, else <paramref name="fallback"/>; whole seconds, at least one.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[RetryAfterHeader] = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"30 seconds", "5 minutes": a wait as a person reads it.</summary>
    public static string Describe(TimeSpan wait) => wait.TotalSeconds switch
    {
        <= 1 => "1 second",
        < 120 => $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} seconds",
        _ => $"{Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes",
    };

    private static async ValueTask WriteApiRefusalAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(context.Response, retryAfter);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                Title = "Too many requests",
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"This client has sent more requests than the open data API answers from one address. " +
                    $"Try again in {Describe(retryAfter)} (Retry-After: {(long)retryAfter.TotalSeconds}), and space out requests.",
            },
        });
    }
}

/// <summary>
/// Sign-in attempts per client address. The sign-in page asks it before checking a password, so a refusal is the page
/// itself with a message and the typed email kept, not a bare 429.
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly TimeSpan _window;
    private readonly bool _enabled;

    public SignInRateLimiter(IOptions<RateLimitSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var signIn = settings.Value.SignIn;
        _enabled = settings.Value.Enabled;
        _window = signIn.Window;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(RateLimitingSetup.ClientPartition(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = signIn.PermitLimit,
                Window = signIn.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>Counts one attempt; null when it may go ahead, otherwise how long the client must wait.</summary>
    public TimeSpan? TryAttempt(HttpContext context)
    {
        if (!_enabled)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : RateLimitingSetup.RetryAfter(lease, _window);
    }

    public void Dispose() => _limiter.Dispose();
}

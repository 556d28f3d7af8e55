using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace MigrationProfile.Web.Localization;

/// <summary>Languages in the URL, interface text from resource files, and culture-aware display; decision 016.</summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddPortalLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LanguageOptions>(configuration.GetSection(LanguageOptions.SectionName));
        services.AddSingleton<PortalLanguages>();
        services.AddSingleton<InterfaceText>();
        services.AddSingleton<InterfaceTextLocalizer>();
        services.AddSingleton<IStringLocalizer>(provider => provider.GetRequiredService<InterfaceTextLocalizer>());
        services.AddSingleton<IStringLocalizerFactory, InterfaceTextLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<DisplayFormat>();
        services.AddSingleton<Profiles.ChangeLogWording>();
        services.AddSingleton<LanguageOffer>();
        services.AddSingleton<IConfigureOptions<MvcOptions>, ModelBindingMessages>();
        // Pages write Cyrillic (and any later script) as characters, not as &#x...; references; the characters
        // HTML gives meaning to (< > & " ') are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>First in the pipeline after the security headers, so error pages, routing and caching all see the language.</summary>
    public static IApplicationBuilder UsePortalLanguages(this IApplicationBuilder app) => app.UseMiddleware<LanguageMiddleware>();

    /// <summary>"No, thanks" to the offer of another language: remembered for a year, then back to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageOffer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/decline-offer", (HttpContext context, string? returnUrl) =>
        {
            context.Response.Cookies.Append(LanguageOffer.DeclinedCookie, "1", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
            var local = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
            return Results.LocalRedirect(local ? "~" + returnUrl : "~/");
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Model binding's own messages ("is not valid", "is required"), said beside the field in the page's language.</summary>
    private sealed class ModelBindingMessages(InterfaceTextLocalizer text) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["\"{0}\" is not valid for {1}: enter a whole number.", value, field]);
            messages.SetValueMustBeANumberAccessor(field => text["{0} must be a whole number.", field]);
            messages.SetValueMustNotBeNullAccessor(field => text["{0} is required.", field]);
        }
    }
}

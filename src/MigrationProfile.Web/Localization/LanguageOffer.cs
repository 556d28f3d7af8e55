namespace MigrationProfile.Web.Localization;

/// <summary>
/// A reader on a page in the default language whose browser prefers another of the portal's languages is offered that
/// page in one line, never redirected. "No, thanks" sets a cookie and the offer is not shown again. The output cache
/// keeps one copy per offer (see PublicContentPolicy), so the offer costs no uncached request.
/// </summary>
public sealed class LanguageOffer(PortalLanguages languages)
{
    public const string DeclinedCookie = "mp-language-offer";

    /// <summary>The language to offer on this request, or null.</summary>
    public PortalLanguage? For(HttpContext context)
    {
        if (!languages.Current.IsDefault || context.Request.Cookies.ContainsKey(DeclinedCookie)
            || context.Request.Path.StartsWithSegments("/api"))
        {
            return null;
        }
        var preferred = LanguageMiddleware.Preferred(languages, context.Request);
        return preferred is { IsDefault: false } ? preferred : null;
    }
}

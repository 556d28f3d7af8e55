using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace MigrationProfile.Web.Localization;

/// <summary>The configured languages, and which one a request is in.</summary>
public sealed class PortalLanguages
{
    private readonly FrozenDictionary<string, PortalLanguage> _byCode;
    private readonly FrozenDictionary<string, PortalLanguage> _byCultureName;

    public PortalLanguages(IOptions<LanguageOptions> options)
    {
        var codes = options.Value.Languages.Count > 0 ? options.Value.Languages : ["en", "ru"];
        All = [.. codes.Select((code, index) => new PortalLanguage(code, CultureFor(code), index == 0))];
        _byCode = All.ToFrozenDictionary(language => language.Code, StringComparer.OrdinalIgnoreCase);
        _byCultureName = All.ToFrozenDictionary(language => language.Culture.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<PortalLanguage> All { get; }

    public PortalLanguage Default => All[0];

    /// <summary>The language of the current request (set by <see cref="LanguageMiddleware"/>), else the default.</summary>
    public PortalLanguage Current =>
        _byCultureName.TryGetValue(CultureInfo.CurrentUICulture.Name, out var language) ? language : Default;

    public PortalLanguage? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var language) ? language : null;

    /// <summary>
    /// English pages write numbers as the profile always has, grouped by spaces with a decimal point ("20 592 571",
    /// "4.9") and dates day first ("9 September 2024"); every other language takes its culture's own conventions.
    /// </summary>
    private static CultureInfo CultureFor(string code)
    {
        if (!string.Equals(code, "en", StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.ReadOnly(new CultureInfo(code));
        }
        var english = new CultureInfo("en-GB");
        english.NumberFormat.NumberGroupSeparator = " ";
        english.NumberFormat.NumberDecimalSeparator = ".";
        return CultureInfo.ReadOnly(english);
    }
}

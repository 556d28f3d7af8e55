using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// Interface text in the request's language: the translation, or the English key where the language has none (noted,
/// so a test can fail on it). One catalog serves every page, partial, page model and validation attribute.
/// </summary>
public sealed class InterfaceTextLocalizer(InterfaceText text) : IStringLocalizer
{
    /// <summary>The configured languages and the request's.</summary>
    public PortalLanguages Languages => text.Languages;

    public LocalizedString this[string name]
    {
        get
        {
            var language = text.Languages.Current;
            var value = text.Find(language, name);
            if (value is null && !language.IsDefault)
            {
                text.NoteMissing(language, name);
            }
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null && !language.IsDefault);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        text.EntriesOf(text.Languages.Current.Code).Select(entry => new LocalizedString(entry.Key, entry.Value));

    /// <summary>A count with its noun in the right plural form: English gives one and other; a translation gives every form
    /// its language has, as entries keyed <c>other|one</c>, <c>other|few</c>, <c>other|many</c> (CLDR categories).</summary>
    public string Plural(long count, string one, string other, params object[] arguments)
    {
        var language = text.Languages.Current;
        object[] all = [count.ToString("#,##0", CultureInfo.CurrentCulture), .. arguments];
        if (language.IsDefault)
        {
            return string.Format(CultureInfo.CurrentCulture, count == 1 ? one : other, all);
        }
        var category = PluralRules.Category(language.Culture, count);
        var form = text.Find(language, other + "|" + category) ?? text.Find(language, other);
        if (form is null)
        {
            text.NoteMissing(language, other + "|" + category);
            form = count == 1 ? one : other;
        }
        return string.Format(CultureInfo.CurrentCulture, form, all);
    }
}

/// <summary>Hands every asker, whatever its type, the one interface-text catalog.</summary>
public sealed class InterfaceTextLocalizerFactory(InterfaceText text) : IStringLocalizerFactory
{
    private readonly InterfaceTextLocalizer _localizer = new(text);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

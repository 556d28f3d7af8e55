using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Localization;

/// <summary>
/// A third language added the way Kazakh will be: a configuration entry, resource files and translation rows, no code.
/// Every text of the pseudo-language is the English with its letters swapped for look-alikes ("Cóúñţŕíéš"), so any
/// plain ASCII word left on a page is an interface string that never went through the resource files.
/// </summary>
public partial class PseudoLanguageTests : IAsyncLifetime
{
    private const string Pseudo = "qps-Ploc";
    private readonly PseudoLanguagePortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    private static readonly string[] s_readAttributes = ["title", "aria-label", "alt", "placeholder"];

    private static readonly string[] s_publicPages =
    [
        "/",
        "/countries/kazakhstan",
        "/countries/kazakhstan/indicators/population",
        "/countries/kazakhstan/indicators/immigration",
        "/countries/kazakhstan/migrant-stocks",
        "/countries/kazakhstan/changes",
        "/compare?countries=kaz&indicator=population",
        "/compare",
        "/compare?countries=kaz,xyz&indicator=nope",
        "/countries/kazakhstan/changes?page=abc",
        "/countries/kazakhstan/changes?page=99",
        "/?region=Atlantis&q=zz",
        "/countries/atlantis",
        "/countries/kazakhstan/indicators/happiness",
        "/countries/kyrgyzstan",
        "/account/login",
    ];

    private static readonly string[] s_adminPages =
    [
        "/admin",
        "/admin/figures",
        "/admin/narrative",
        "/admin/authorities",
        "/admin/policy-documents",
        "/admin/publications",
        "/admin/indicators",
        "/admin/sources",
        "/admin/profile",
        "/admin/imports",
        "/admin/history",
        "/admin/translations?country=kazakhstan&showAll=true",
        "/admin/translations?country=kazakhstan",
        "/admin/figures/edit/1",
        "/admin/figures/edit",
        "/admin/narrative/edit/1",
        "/admin/authorities/edit/1",
        "/admin/policy-documents/edit/1",
        "/admin/publications/edit/1",
        "/admin/sources/edit/1",
        "/admin/indicators/edit/1",
        "/admin/narrative/edit?country=kazakhstan",
        "/admin/authorities/edit?country=kazakhstan",
        "/admin/policy-documents/edit?country=kazakhstan",
        "/admin/publications/edit?country=kazakhstan",
        "/admin/sources/edit",
        "/admin/indicators/edit",
        "/admin/profile?country=kazakhstan",
        "/admin/history/item?type=Observation&id=1",
        "/admin/history/item?type=Authority&id=1",
        "/admin/history?country=kazakhstan&kind=Authority",
        // Its messages quote what was typed; digits, so the check sees the wording around them.
        "/admin/history?from=2026-13-45&to=2026-00-01&page=0",
        "/admin/preview/kazakhstan",
        "/admin/imports/mappings",
        "/admin/users",
        "/admin/users/create",
        "/account/change-password",
    ];

    [Fact]
    public async Task Every_public_page_in_a_pseudo_language_has_no_untranslated_interface_string()
    {
        await _portal.TranslateContentAsync();
        var editions = await _portal.EditionTitlesAsync();
        using var client = _portal.CreateClient();
        var untranslated = new List<string>();
        foreach (var page in s_publicPages)
        {
            using var response = await client.GetAsync(new Uri($"/{Pseudo}{page}", UriKind.Relative));
            untranslated.AddRange(Untranslated(page, await response.Content.ReadAsStringAsync(), EnglishOriginals: false, editions));
        }
        Assert.True(untranslated.Count == 0, "Untranslated:\n" + string.Join("\n", untranslated.Distinct().Take(400)));
    }

    [Fact]
    public async Task Every_admin_page_in_a_pseudo_language_has_no_untranslated_interface_string()
    {
        await _portal.TranslateContentAsync();
        var editions = await _portal.EditionTitlesAsync();
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Admin);
        var untranslated = new List<string>();
        foreach (var page in s_adminPages)
        {
            var document = await editor.GetPageAsync($"/{Pseudo}{page}");
            untranslated.AddRange(Untranslated(page, document.DocumentElement.OuterHtml, EnglishOriginals: true, editions));
        }
        Assert.True(untranslated.Count == 0, "Untranslated:\n" + string.Join("\n", untranslated.Distinct().Take(400)));
    }

    /// <summary>
    /// Visible text and the attributes a reader or screen reader meets, with ASCII words that are not codes. On admin
    /// pages the English originals an editor works on are marked <c>lang="en"</c> and are content, not interface.
    /// Publishers' edition titles ("International Migrant Stock 2024") are proper names, the same in every language;
    /// in HTML they are marked translate="no", but an SVG title or description cannot carry the mark.
    /// </summary>
    private static IEnumerable<string> Untranslated(string page, string html, bool EnglishOriginals, IReadOnlyList<string> editions)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(Pseudo, document.DocumentElement.GetAttribute("lang"));
        var exempt = "script, style, .language-switcher, [translate=no], code" + (EnglishOriginals ? ", [lang=en]" : "");
        var texts = document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is { } parent && parent.Closest(exempt) is null)
            .Select(t => t.Data)
            .Concat(document.All.Where(e => e.Closest(exempt) is null)
                .SelectMany(e => s_readAttributes.Select(e.GetAttribute)).OfType<string>())
            // An input button shows its value; a <button>'s value is only posted, never shown or read out.
            .Concat(document.QuerySelectorAll("input[type=submit], input[type=button], input[type=reset]").Where(b => b.Closest(exempt) is null)
                .Select(b => b.GetAttribute("value")).OfType<string>())
            .Append(document.Title ?? "");
        return texts.Where(text => AsciiWord().Matches(NotWords().Replace(WithoutEditions(text, editions), " ")).Any(word => !IsCode(word.Value) && !s_cultureWords.Contains(word.Value)))
            .Select(text => $"{page}: \"{string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}\"");
    }

    private static string WithoutEditions(string text, IReadOnlyList<string> editions) =>
        editions.Aggregate(text, (shown, edition) => shown.Replace(edition, " ", StringComparison.Ordinal));

    /// <summary>
    /// Month and day names come from the culture's own data (CLDR), not from resource files: a real language has its own,
    /// the pseudo-language borrows English ones. Its name in itself is the culture's too.
    /// </summary>
    private static readonly HashSet<string> s_cultureWords = CultureWords(new CultureInfo(Pseudo));

    private static HashSet<string> CultureWords(CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        return format.MonthNames.Concat(format.MonthGenitiveNames).Concat(format.AbbreviatedMonthNames)
            .Concat(format.AbbreviatedMonthGenitiveNames).Concat(format.DayNames).Concat(format.AbbreviatedDayNames)
            .Append(format.AMDesignator).Append(format.PMDesignator)
            .Concat(culture.NativeName.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            // ... also as the portal writes it, capitalised like every language's name in the switcher ("Qps (Ploc)").
            .Concat(new PortalLanguage(Pseudo, culture, IsDefault: false).NativeName.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Select(word => word.TrimEnd('.'))
            .Where(word => word.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Codes, acronyms, numbers with units, addresses and the portal's name are the same in every language.</summary>
    private static bool IsCode(string word) =>
        word == "MigrationProfile" || CodeLike().IsMatch(word);

    /// <summary>E-mail addresses, web addresses and site paths: not words of any language.</summary>
    [GeneratedRegex(@"\S+@\S+|https?://\S+|www\.\S+|(?<![\p{L}\p{N}])/[\w\-./?=&]*")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9.\-_/²']*")]
    private static partial Regex AsciiWord();

    // SP.POP.TOTL, KAZ, USD, km², CSV, JSON, API, PDF, x1 ...: all capitals, or with a digit or dot, or a unit.
    [GeneratedRegex(@"^([A-Z0-9.\-_/]{2,}|.*\d.*|.*\..*\..*|km²|[A-Z])$")]
    private static partial Regex CodeLike();
}

/// <summary>The portal with a third language configured, whose resource files are written from the Russian ones' keys.</summary>
public sealed class PseudoLanguagePortal : PortalFactory
{
    private const string Pseudo = "qps-Ploc";
    private readonly string _resources = Directory.CreateTempSubdirectory("mp-pseudo-").FullName;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in Directory.EnumerateFiles(SourceResources(), "*.ru.resx"))
        {
            File.Copy(file, Path.Combine(_resources, Path.GetFileName(file)));
            var keys = InterfaceText.Read(file).Select(e => e.Key).ToList();
            // A plural's forms fall back to its plain key in a language without those forms.
            var all = keys.Concat(keys.Where(k => k.Contains('|', StringComparison.Ordinal)).Select(k => k[..k.LastIndexOf('|')])).Distinct();
            var root = new XElement("root", all.Select(key => new XElement("data", new XAttribute("name", key),
                new XElement("value", PseudoText(key.Contains('|', StringComparison.Ordinal) ? key[..key.LastIndexOf('|')] : key)))));
            new XDocument(root).Save(Path.Combine(_resources, Path.GetFileName(file).Replace(".ru.resx", $".{Pseudo}.resx", StringComparison.Ordinal)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Localization:Languages:0", "en");
        builder.UseSetting("Localization:Languages:1", "ru");
        builder.UseSetting("Localization:Languages:2", Pseudo);
        builder.UseSetting("Localization:ResourcesPath", _resources);
    }

    /// <summary>Every edition title the figures come from, longest first so no shorter title cuts into a longer one.</summary>
    public async Task<IReadOnlyList<string>> EditionTitlesAsync()
    {
        await using var db = OpenDbContext();
        var editions = await db.Observations.Select(o => o.Edition).Where(e => e != "").Distinct().ToListAsync();
        return [.. editions.OrderByDescending(e => e.Length)];
    }

    /// <summary>
    /// Translation rows for every text of Kazakhstan's profile, every country's name and every indicator's texts, as an
    /// editor would write them.
    /// </summary>
    public async Task TranslateContentAsync()
    {
        await using var db = OpenDbContext();
        var country = await db.Countries.SingleAsync(c => c.Slug == "kazakhstan");
        foreach (var item in await TranslationStatus.ListAsync(db, country.Id, Pseudo, CancellationToken.None))
        {
            db.ContentTranslations.Add(Row(item.Field.EntityType, item.EntityId, item.Field.Field, item.Shared ? null : country.Id, item.English));
        }
        foreach (var other in await db.Countries.Where(c => c.Id != country.Id).ToListAsync())
        {
            db.ContentTranslations.Add(Row(nameof(Country), other.Id, nameof(Country.Name), other.Id, other.Name));
        }
        // The shared rows every profile can show (the compare page lists every indicator), not only Kazakhstan's.
        var translated = db.ChangeTracker.Entries<ContentTranslation>().Select(e => (e.Entity.EntityType, e.Entity.EntityId, e.Entity.Field)).ToHashSet();
        foreach (var indicator in await db.IndicatorDefinitions.ToListAsync())
        {
            foreach (var field in TranslatableFields.Of(nameof(IndicatorDefinition)))
            {
                if (field.EnglishOf(indicator) is { Length: > 0 } english && translated.Add((nameof(IndicatorDefinition), indicator.Id, field.Field)))
                {
                    db.ContentTranslations.Add(Row(nameof(IndicatorDefinition), indicator.Id, field.Field, null, english));
                }
            }
        }
        await db.SaveChangesAsync();
    }

    private static ContentTranslation Row(string entityType, int id, string field, int? countryId, string english) => new()
    {
        EntityType = entityType,
        EntityId = id,
        Field = field,
        Language = Pseudo,
        CountryId = countryId,
        Text = PseudoText(english),
        EnglishHash = TranslatableFields.Hash(english),
    };

    /// <summary>Every ASCII letter swapped for an accented look-alike; {0}-style placeholders and Markdown link targets kept.</summary>
    public static string PseudoText(string english)
    {
        const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string Look = "áƀçďéƒğĥíĵķĺɱñóƥɋŕšţúʋŵẋýžÁƁÇĎÉƑĞĤÍĴĶĹṀÑÓƤɊŔŠŢÚƲŴẊÝŽ";
        var text = new StringBuilder(english.Length);
        var depth = 0;
        var inTarget = false;
        for (var i = 0; i < english.Length; i++)
        {
            var c = english[i];
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            inTarget = (inTarget || (c == '(' && i > 0 && english[i - 1] == ']')) && c != ')';
            var at = Plain.IndexOf(c, StringComparison.Ordinal);
            text.Append(at >= 0 && depth == 0 && !inTarget ? Look[at] : c);
        }
        return text.ToString();
    }

    private static string SourceResources()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "MigrationProfile.Web", "Resources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/MigrationProfile.Web/Resources not found above the test's folder.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_resources, recursive: true);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Data;

/// <summary>
/// The project's Russian translation of the seeded content (Data/Seed/Translations/ru.json): every key names an item
/// the seed or an importer creates, every such item has Russian text, and the narrative keeps the English facts.
/// </summary>
public partial class RussianSeedTranslationTests
{
    private const char NoBreakSpace = '\u00a0';

    // A misspelt field, a duplicate key or a missing text fails the load instead of vanishing.
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>Latin a Russian reader is meant to see: names and codes kept as their publishers write them.</summary>
    private static readonly string[] s_latinKeptOnPurpose = ["GLOBALCIT", "SP.POP.1564.TO", "COVID-19", "km²"];

    private static readonly Lazy<TranslationFile> s_file = new(() =>
        JsonSerializer.Deserialize<TranslationFile>(File.ReadAllText(FilePath, Encoding.UTF8), s_json)
        ?? throw new InvalidOperationException("ru.json is empty."));

    private static string FilePath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "Translations", "ru.json");

    private static TranslationFile Russian => s_file.Value;

    private static ProfileText Kazakhstan => Russian.Profiles[KazakhstanProfileSeed.CountrySlug];

    [Fact]
    public void The_file_is_russian_in_utf8_without_a_byte_order_mark()
    {
        var bytes = File.ReadAllBytes(FilePath);

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "ru.json starts with a byte order mark");
        _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.Equal("ru", Russian.Language);
    }

    [Fact]
    public void Every_country_of_the_two_lists_and_no_other_has_a_russian_name()
    {
        var expected = ReferenceDataSeed.PragueProcessStates().Select(s => s.Iso3).Union(WorldCountryCodes());

        AssertSameKeys(expected, Russian.Countries.Keys, "countries");
        Assert.All(Russian.Countries, pair => AssertText(pair.Value, $"country {pair.Key}"));
        Assert.Equal("Казахстан", Russian.Countries["KAZ"]);
    }

    [Fact]
    public void Every_seeded_or_imported_source_and_no_other_is_translated()
    {
        var imported = Enum.GetValues<ImportFormat>().Select(ImportSources.SourceOf).OfType<string>();
        var expected = KazakhstanProfileSeed.Sources().Select(s => s.ShortName).Union(imported);

        AssertSameKeys(expected, Russian.Sources.Keys, "sources");
        Assert.All(Russian.Sources, pair =>
        {
            AssertText(pair.Value.ShortName, $"source {pair.Key} ShortName");
            AssertText(pair.Value.FullName, $"source {pair.Key} FullName");
        });
    }

    [Fact]
    public void Every_seeded_or_imported_indicator_and_no_other_is_translated_field_for_field()
    {
        var english = SeededIndicators();
        var mapped = ReferenceDataSeed.Mappings().Select(m => m.Indicator);
        Assert.Empty(mapped.Except(english.Keys)); // what the importers fill is among the seeded definitions

        AssertSameKeys(english.Keys, Russian.Indicators.Keys, "indicators");
        Assert.All(english.Values, indicator =>
        {
            var russian = Russian.Indicators[indicator.Code];
            AssertText(russian.Name, $"indicator {indicator.Code} Name");
            AssertSameFieldPresence(indicator.Description, russian.Description, $"indicator {indicator.Code} Description");
            AssertSameFieldPresence(indicator.Unit, russian.Unit, $"indicator {indicator.Code} Unit");
            AssertSameFieldPresence(indicator.ReconciliationNote, russian.ReconciliationNote, $"indicator {indicator.Code} ReconciliationNote");
        });
    }

    [Fact]
    public void The_kazakhstan_names_and_titles_are_the_seeded_ones_each_translated()
    {
        var english = SeededKazakhstan();

        AssertSameKeys([KazakhstanProfileSeed.CountrySlug], Russian.Profiles.Keys, "profiles");
        AssertSameFieldPresence(english.GeneralInformationNote, Kazakhstan.GeneralInformationNote, "GeneralInformationNote");
        AssertSameKeys(english.Authorities.Select(a => a.Name), Kazakhstan.Authorities.Keys, "authorities");
        AssertSameKeys(english.PolicyDocuments.Select(d => d.Title), Kazakhstan.PolicyDocuments.Keys, "policy documents");
        AssertSameKeys(english.Publications.Select(p => p.Title), Kazakhstan.Publications.Keys, "publications");
        AssertSameKeys(english.NarrativeSections.Select(s => s.Heading), Kazakhstan.NarrativeSections.Keys, "narrative sections");

        var texts = Kazakhstan.Authorities.Concat(Kazakhstan.PolicyDocuments).Concat(Kazakhstan.Publications);
        Assert.All(texts, pair => AssertText(pair.Value, pair.Key));
        Assert.All(Kazakhstan.NarrativeSections, pair =>
        {
            AssertText(pair.Value.Heading, $"{pair.Key} Heading");
            AssertText(pair.Value.BodyMarkdown, $"{pair.Key} BodyMarkdown");
        });
    }

    [Fact]
    public void The_narrative_keeps_every_number_and_link_of_the_english()
    {
        var differences = new List<string>();
        foreach (var section in KazakhstanNarrative.Sections())
        {
            var russian = Kazakhstan.NarrativeSections[section.Heading].BodyMarkdown;
            var englishNumbers = Numbers(EnglishGroupSeparator().Replace(section.BodyMarkdown, ""));
            var russianNumbers = Numbers(RussianDecimalComma().Replace(RussianGroupSeparator().Replace(russian, ""), "."));
            if (!englishNumbers.SetEquals(russianNumbers))
            {
                differences.Add($"{section.Heading}: missing [{string.Join(", ", englishNumbers.Except(russianNumbers))}], " +
                    $"added [{string.Join(", ", russianNumbers.Except(englishNumbers))}]");
            }
            if (MarkdownLink().Count(section.BodyMarkdown) != MarkdownLink().Count(russian))
            {
                differences.Add($"{section.Heading}: {MarkdownLink().Count(section.BodyMarkdown)} links in English, {MarkdownLink().Count(russian)} in Russian");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void The_narrative_keeps_the_markdown_structure()
    {
        Assert.All(KazakhstanNarrative.Sections(), section =>
        {
            var russian = Kazakhstan.NarrativeSections[section.Heading].BodyMarkdown;
            Assert.Equal(Structure(section.BodyMarkdown), Structure(russian));
            // The link targets are the English ones: only the link text is translated.
            Assert.Equal(MarkdownLink().Matches(section.BodyMarkdown).Select(m => m.Groups["url"].Value),
                MarkdownLink().Matches(russian).Select(m => m.Groups["url"].Value));
        });
    }

    [Fact]
    public void No_text_has_latin_letters_beyond_the_few_kept_on_purpose()
    {
        var texts = AllTexts().ToList();
        var latin = texts
            .Select(t => (t.Where, Text: s_latinKeptOnPurpose.Aggregate(MarkdownLinkTarget().Replace(t.Text, "]"), (text, kept) => text.Replace(kept, "", StringComparison.Ordinal))))
            .Where(t => LatinLetter().IsMatch(t.Text))
            .Select(t => $"{t.Where}: {t.Text}");

        Assert.Empty(latin);
        // An allowance nothing uses any more is taken out of the list, so the list stays as small as the file needs.
        Assert.All(s_latinKeptOnPurpose, kept => Assert.Contains(texts, t => t.Text.Contains(kept, StringComparison.Ordinal)));
    }

    [Fact]
    public void Numbers_quotes_and_ranges_are_written_the_russian_way()
    {
        var faults = AllTexts()
            .Select(t => (t.Where, Text: MarkdownLinkTarget().Replace(t.Text, "]")))
            .SelectMany(t => RussianTypographyFaults(t.Text).Select(fault => $"{t.Where}: {fault}"));

        Assert.Empty(faults);
        Assert.Contains($"20{NoBreakSpace}млн", Kazakhstan.NarrativeSections["A regional migration hub"].BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_fits_the_column_of_the_english_it_translates()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, "Host=unused"); // only the model is read: nothing connects
        using var db = new AppDbContext(options.Options);

        var faults = AllTexts().Select(t =>
        {
            var column = db.Model.FindEntityType(t.Entity)?.FindProperty(t.Field);
            return column is null ? $"{t.Where}: {t.Entity.Name} has no column {t.Field}"
                : t.Text.Length > column.GetMaxLength() ? $"{t.Where}: {t.Text.Length} characters, the column holds {column.GetMaxLength()}"
                : null;
        }).OfType<string>();

        Assert.Empty(faults);
    }

    private static IEnumerable<string> RussianTypographyFaults(string text)
    {
        if (text.Contains('"', StringComparison.Ordinal))
        {
            yield return "straight double quotes instead of «…»";
        }
        foreach (var pattern in new[] { UngroupedNumber(), GroupedWithoutNoBreakSpace(), HyphenInRange(), BreakableUnitAfterNumber() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                yield return $"\"{match.Value}\"";
            }
        }
    }

    /// <summary>Every Russian text with the entity property it translates, and where it sits in the file.</summary>
    private static IEnumerable<TranslatedText> AllTexts()
    {
        foreach (var (code, name) in Russian.Countries)
        {
            yield return new(typeof(Country), nameof(Country.Name), $"country {code}", name);
        }
        foreach (var (key, source) in Russian.Sources)
        {
            yield return new(typeof(Source), nameof(Source.ShortName), $"source {key}", source.ShortName);
            yield return new(typeof(Source), nameof(Source.FullName), $"source {key}", source.FullName);
        }
        foreach (var (code, indicator) in Russian.Indicators)
        {
            var fields = new[]
            {
                (nameof(IndicatorDefinition.Name), indicator.Name),
                (nameof(IndicatorDefinition.Description), indicator.Description),
                (nameof(IndicatorDefinition.Unit), indicator.Unit),
                (nameof(IndicatorDefinition.ReconciliationNote), indicator.ReconciliationNote),
            };
            foreach (var (field, text) in fields.Where(f => f.Item2 is not null))
            {
                yield return new(typeof(IndicatorDefinition), field, $"indicator {code}", text!);
            }
        }
        foreach (var (slug, profile) in Russian.Profiles)
        {
            if (profile.GeneralInformationNote is not null)
            {
                yield return new(typeof(Country), nameof(Country.GeneralInformationNote), slug, profile.GeneralInformationNote);
            }
            foreach (var (english, russian) in profile.Authorities)
            {
                yield return new(typeof(Authority), nameof(Authority.Name), $"{slug} {english}", russian);
            }
            foreach (var (english, russian) in profile.PolicyDocuments)
            {
                yield return new(typeof(PolicyDocument), nameof(PolicyDocument.Title), $"{slug} {english}", russian);
            }
            foreach (var (english, russian) in profile.Publications)
            {
                yield return new(typeof(Publication), nameof(Publication.Title), $"{slug} {english}", russian);
            }
            foreach (var (heading, section) in profile.NarrativeSections)
            {
                yield return new(typeof(NarrativeSection), nameof(NarrativeSection.Heading), $"{slug} {heading}", section.Heading);
                yield return new(typeof(NarrativeSection), nameof(NarrativeSection.BodyMarkdown), $"{slug} {heading}", section.BodyMarkdown);
            }
        }
    }

    private static Dictionary<string, IndicatorDefinition> SeededIndicators() =>
        KazakhstanProfileSeed.Indicators().Concat(ReferenceDataSeed.Indicators()).ToDictionary(i => i.Code, StringComparer.Ordinal);

    private static Country SeededKazakhstan() =>
        KazakhstanProfileSeed.Country(KazakhstanProfileSeed.Sources().ToDictionary(s => s.ShortName, StringComparer.Ordinal), SeededIndicators());

    /// <summary>The ISO3 codes of UN DESA's origins and destinations, read from the list the portal names them from.</summary>
    private static List<string> WorldCountryCodes()
    {
        using var stream = typeof(WorldCountryNames).Assembly.GetManifestResourceStream("MigrationProfile.Web.Profiles.world-country-names.csv")
            ?? throw new InvalidOperationException("The embedded list of country names is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true });
        csv.Read();
        csv.ReadHeader();
        var codes = new List<string>();
        while (csv.Read())
        {
            codes.Add(csv.GetField("iso3")!);
        }
        Assert.True(codes.Count > 200, $"only {codes.Count} codes read from world-country-names.csv");
        return codes;
    }

    private static void AssertSameKeys(IEnumerable<string> english, IEnumerable<string> russian, string what)
    {
        var expected = english.ToHashSet(StringComparer.Ordinal);
        var actual = russian.ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(actual),
            $"{what}: untranslated [{string.Join(" | ", expected.Except(actual))}]; not seeded [{string.Join(" | ", actual.Except(expected))}]");
    }

    private static void AssertText(string? text, string where) =>
        Assert.False(string.IsNullOrWhiteSpace(text), $"{where} has no Russian text");

    private static void AssertSameFieldPresence(string? english, string? russian, string where)
    {
        if (string.IsNullOrEmpty(english))
        {
            Assert.True(russian is null, $"{where} is translated but the English has none");
        }
        else
        {
            AssertText(russian, where);
        }
    }

    private static HashSet<string> Numbers(string text) =>
        Number().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Paragraphs, list items, bold and italic spans, links: what Markdown makes of the text.</summary>
    private static (int Paragraphs, int ListItems, int Bold, int Italic, int Links) Structure(string markdown)
    {
        var lines = markdown.Split('\n');
        var bold = markdown.Split("**").Length - 1;
        var italic = markdown.Replace("**", "", StringComparison.Ordinal).Count(c => c == '*');
        return (markdown.Split("\n\n").Length, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)), bold, italic, MarkdownLink().Count(markdown));
    }

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial Regex EnglishGroupSeparator();

    [GeneratedRegex(@"(?<=\d)[\u00a0 ](?=\d{3}(?!\d))")]
    private static partial Regex RussianGroupSeparator();

    [GeneratedRegex(@"(?<=\d),(?=\d)")]
    private static partial Regex RussianDecimalComma();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\[[^\]]+\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\]\([^)\s]+\)")]
    private static partial Regex MarkdownLinkTarget();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();

    // Five digits or more in a row: a count the reader would have to group in their head.
    [GeneratedRegex(@"(?<![\d.])\d{5,}")]
    private static partial Regex UngroupedNumber();

    // 3,943 or 3 943 with an ordinary space: English grouping, or a group a line break can split.
    [GeneratedRegex(@"\d(?:,| )\d{3}(?!\d)")]
    private static partial Regex GroupedWithoutNoBreakSpace();

    // 2023-2027: a range of years takes an en dash.
    [GeneratedRegex(@"\b\d{4}-\d{4}\b")]
    private static partial Regex HyphenInRange();

    // "4 %", "2024 г." and "20 млн" keep the number and its unit on one line; "4%" is English.
    [GeneratedRegex(@"\d(?: ?%| (?:г\.|млн|млрд|тыс\.))")]
    private static partial Regex BreakableUnitAfterNumber();

    private sealed record TranslationFile(string Language, Dictionary<string, string> Countries, Dictionary<string, SourceText> Sources,
        Dictionary<string, IndicatorText> Indicators, Dictionary<string, ProfileText> Profiles);

    private sealed record SourceText(string ShortName, string FullName);

    private sealed record IndicatorText(string Name, string? Description = null, string? Unit = null, string? ReconciliationNote = null);

    private sealed record ProfileText(Dictionary<string, string> Authorities, Dictionary<string, string> PolicyDocuments,
        Dictionary<string, string> Publications, Dictionary<string, NarrativeText> NarrativeSections, string? GeneralInformationNote = null);

    private sealed record NarrativeText(string Heading, string BodyMarkdown);

    private sealed record TranslatedText(Type Entity, string Field, string Place, string Text)
    {
        public string Where => $"{Place} {Field}";
    }
}

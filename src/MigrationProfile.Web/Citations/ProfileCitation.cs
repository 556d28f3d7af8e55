using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Citations;

/// <summary>
/// How to cite a country's profile, or one indicator of it: the portal as the author of the compilation, its
/// permalink and the day it was read, plus each publisher behind the figures. Written as plain text, BibTeX and RIS
/// from the same facts.
/// </summary>
/// <param name="Indicator">The indicator cited on its own page; null for the whole profile.</param>
public sealed record ProfileCitation(
    string CountryName, string Slug, string Permalink, DateOnly LatestUpdate, DateOnly AccessedOn,
    IReadOnlyList<PublisherCredit> Publishers, CitedIndicator? Indicator = null, string? CountryNameLanguage = null)
{
    public const string PortalName = "MigrationProfile";
    public const string BibTeXContentType = "application/x-bibtex; charset=utf-8";
    public const string RisContentType = "application/x-research-info-systems; charset=utf-8";

    /// <summary>"Kazakhstan migration profile", or for an indicator "Population in Kazakhstan".</summary>
    public string Title => Indicator is null ? $"{CountryName} migration profile" : $"{Indicator.Name} in {CountryName}";

    /// <summary>"migrationprofile-kazakhstan-2024" ("migrationprofile-kazakhstan-population-2024"): stable while the profile is not updated.</summary>
    public string Key => Indicator is null
        ? $"migrationprofile-{Slug}-{Year}"
        : $"migrationprofile-{Slug}-{Indicator.Code}-{Year}";

    /// <summary>The whole profile, or with <paramref name="indicator"/> the indicator whose figures <paramref name="data"/> holds.</summary>
    public static ProfileCitation For(ProfileData data, string permalink, DateOnly accessedOn, CitedIndicator? indicator = null) =>
        new(data.Country.Name, data.Country.Slug, permalink, data.Country.LatestUpdate, accessedOn, PublisherCredit.From(data.Figures), indicator);

    public static ProfileCitation For(CitationFacts facts, string permalink, DateOnly accessedOn) =>
        new(facts.Country.Name, facts.Country.Slug, permalink, facts.Country.LatestUpdate, accessedOn, facts.Publishers);

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>"MigrationProfile (2024). Kazakhstan migration profile. Last updated 9 September 2024. https://…. Accessed 30 November 2026."</summary>
    public string PlainText =>
        $"{PortalName} ({Year}). {Title}. Last updated {FigureFormatter.Date(LatestUpdate)}. {Permalink}. Accessed {FigureFormatter.Date(AccessedOn)}.";

    /// <summary>The plain citation as a page in the reader's language shows it; the files (BibTeX, RIS) keep <see cref="PlainText"/>'s facts in English.</summary>
    public string PlainTextIn(DisplayFormat format)
    {
        var title = Indicator is null ? format.Text["{0} migration profile", CountryName] : format.Text["{0} in {1}", Indicator.Name, CountryName];
        return format.Text["{0} ({1}). {2}. Last updated {3}. {4}. Accessed {5}.", PortalName, Year, title.Value,
            format.Date(LatestUpdate), Permalink, format.Date(AccessedOn)];
    }

    /// <summary>
    /// This citation as a page in another language shows it: the country's, indicator's and publishers' names in that
    /// language where translated (<paramref name="sourceFullNames"/> by English short name), else English marked "en".
    /// </summary>
    public ProfileCitation ShownAs(string countryName, string? countryNameLanguage, CitedIndicator? indicator,
        IReadOnlyDictionary<string, string> sourceFullNames) => this with
        {
            CountryName = countryName,
            CountryNameLanguage = countryNameLanguage,
            Indicator = indicator ?? Indicator,
            Publishers = [.. Publishers.Select(p => sourceFullNames.TryGetValue(p.ShortName, out var name)
                ? p with { FullName = name, FullNameLanguage = null }
                : p with { FullNameLanguage = "en" })],
        };

    /// <summary>
    /// The <see cref="PlainTextIn"/> in HTML, names marked with their language where it is not the page's (see
    /// <see cref="CiteThisView.Shown"/>); the portal's name and the address marked translate="no".
    /// </summary>
    public IHtmlContent PlainTextHtml(DisplayFormat format)
    {
        var country = ContentHtml.Content(CountryName, CountryNameLanguage);
        var title = Indicator is null
            ? ContentHtml.Format(format.Text["{0} migration profile"], country)
            : ContentHtml.Format(format.Text["{0} in {1}"], ContentHtml.Content(Indicator.Name, Indicator.NameLanguage), country);
        return ContentHtml.Format(format.Text["{0} ({1}). {2}. Last updated {3}. {4}. Accessed {5}."], PortalName, Year, title,
            format.Date(LatestUpdate), Permalink, format.Date(AccessedOn));
    }

    private string Year => LatestUpdate.Year.ToString(CultureInfo.InvariantCulture);

    private string SourcesNote => Publishers.Count == 0
        ? ""
        : "Figures from " + string.Join("; ", Publishers.Select(p => p.Title)) + ".";

    /// <summary>A biblatex/BibTeX <c>@misc</c> entry; the portal is a corporate author, so it is braced twice.</summary>
    public string BibTeX()
    {
        var fields = new List<(string Name, string Value)>
        {
            ("title", $"{{{Escape(Title)}}}"),
            ("author", $"{{{Escape(PortalName)}}}"),
            ("organization", Escape(PortalName)),
            ("year", Year),
            ("date", FigureFormatter.IsoDate(LatestUpdate)),
            // url is verbatim in biblatex and read by url.sty in BibTeX: only braces would need care, and a URL has none.
            ("url", Permalink),
            ("urldate", FigureFormatter.IsoDate(AccessedOn)),
            ("howpublished", $"\\url{{{Permalink}}}"),
        };
        if (SourcesNote.Length > 0)
        {
            fields.Add(("note", Escape(SourcesNote)));
        }
        var entry = new StringBuilder();
        entry.Append("@misc{").Append(Key).Append(",\n");
        entry.AppendJoin(",\n", fields.Select(f => $"  {f.Name} = {{{f.Value}}}"));
        entry.Append("\n}\n");
        return entry.ToString();
    }

    /// <summary>An RIS record of type DATA (dataset): TY first, ER last, one "XX  - value" line per field.</summary>
    public string Ris()
    {
        var lines = new List<(string Tag, string Value)>
        {
            ("TY", "DATA"),
            ("TI", Title),
            ("AU", $"{PortalName},"),
            ("PB", PortalName),
            ("PY", Year),
            ("DA", LatestUpdate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)),
            ("UR", Permalink),
            ("Y2", AccessedOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)),
            ("LA", "en"),
        };
        if (SourcesNote.Length > 0)
        {
            lines.Add(("N1", SourcesNote));
        }
        lines.Add(("ER", ""));
        // RIS values are one line each: a line break inside a value would start a bogus tag.
        return string.Concat(lines.Select(l => $"{l.Tag}  - {l.Value.ReplaceLineEndings(" ")}\r\n"));
    }

    /// <summary>Escapes the characters TeX treats as commands in a BibTeX field.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                // BibTeX counts every brace, escaped or not: a stray one would end the field early.
                '{' => "(",
                '}' => ")",
                '&' or '%' or '$' or '#' or '_' => $"\\{c}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}

/// <summary>An indicator cited on its own page: its portal code and name.</summary>
/// <param name="NameLanguage">The language of Name where it is not the page's (no translation yet); null otherwise.</param>
public sealed record CitedIndicator(string Code, string Name, string? NameLanguage = null);

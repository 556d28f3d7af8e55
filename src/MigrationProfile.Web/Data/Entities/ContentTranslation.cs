namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// One field of one content row in another language than English, e.g. an authority's Name in Russian
/// (docs/decisions/016-languages-in-the-url.md). English stays in the row itself; a missing translation falls back to it.
/// </summary>
public partial class ContentTranslation : IHistoryTracked
{
    public int Id { get; set; }

    /// <summary>The translated row's type, as history names it: "Authority", "IndicatorDefinition", ...</summary>
    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    /// <summary>The translated property: "Name", "Title", "BodyMarkdown", ...</summary>
    public required string Field { get; set; }

    /// <summary>BCP 47 code, e.g. "ru".</summary>
    public required string Language { get; set; }

    /// <summary>The country the translated row belongs to; null for rows all profiles share (indicators, sources).</summary>
    public int? CountryId { get; set; }

    public required string Text { get; set; }

    /// <summary>SHA-256 (hex) of the English text this translates, as it was when translated: when the English changes,
    /// the hashes differ and the translation counts as out of date until someone confirms or rewrites it.</summary>
    public required string EnglishHash { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => $"{Field} ({Language}) of {EntityType} {EntityId}";

    /// <summary>What a translation's history label names: the field, its language and the translated row; null for another label.</summary>
    public static (string Field, string Language, string EntityType, int EntityId)? ReadHistoryLabel(string label)
    {
        var match = HistoryLabelPattern().Match(label);
        return match.Success && int.TryParse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, id)
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+) \(([\w-]+)\) of (\w+) (\d+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HistoryLabelPattern();
}

using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MigrationProfile.Web.Data.History;

/// <summary>Stored field values as invariant text for history, and back again for a restore.</summary>
public static class FieldValues
{
    /// <summary>Fields not worth a history line: the key and the concurrency token change on their own.</summary>
    public static bool IsRecorded(IProperty property) => !property.IsPrimaryKey() && !property.IsConcurrencyToken;

    /// <summary>"NumericValue" as a person reads it: "Numeric value".</summary>
    public static string Label(string field)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z0-9])([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string? ToText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum choice => choice.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static object? FromText(string? text, Type type)
    {
        if (text is null)
        {
            return null;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => text,
            _ when target.IsEnum => Enum.Parse(target, text),
            _ when target == typeof(DateOnly) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when target == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when target == typeof(bool) => text == "true",
            _ => Convert.ChangeType(text, target, CultureInfo.InvariantCulture),
        };
    }
}

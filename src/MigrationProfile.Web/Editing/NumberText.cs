using System.Globalization;
using System.Text.RegularExpressions;

namespace MigrationProfile.Web.Editing;

/// <summary>Reads numbers as people type them: "20 592 571", "20,592,571", "4.9", "-1 234.5".</summary>
public static partial class NumberText
{
    public static bool TryParse(string? text, out decimal value, out string error)
    {
        value = 0;
        error = "";
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            error = "Enter a value.";
            return false;
        }
        // Spaces of any kind (including no-break and thin spaces) group digits.
        var compact = Spaces().Replace(trimmed, "");
        if (CommaDecimal().IsMatch(compact))
        {
            error = $"\"{trimmed}\" looks like a decimal comma: write decimals with a point, e.g. {compact.Replace(',', '.')}.";
            return false;
        }
        if (!Grouped().IsMatch(compact) && !Plain().IsMatch(compact))
        {
            error = $"\"{trimmed}\" is not a number. Write digits, optionally grouped by spaces or commas, with a point for decimals, e.g. 20 592 571 or 4.9.";
            return false;
        }
        if (!decimal.TryParse(compact.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out value))
        {
            error = $"\"{trimmed}\" is too large a number.";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"[\s\u00A0\u2009\u202F]+")]
    private static partial Regex Spaces();

    // "4,9" or "1 234,5": a comma followed by other than exactly three digits.
    [GeneratedRegex(@"^-?\d+(,\d{1,2}|,\d{4,})$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Plain();
}

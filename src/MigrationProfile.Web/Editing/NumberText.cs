using System.Globalization;
using System.Text.RegularExpressions;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>Reads numbers as people type them: "20 592 571", "20,592,571", "4.9", "-1 234.5".</summary>
public static partial class NumberText
{
    /// <param name="language">Says the problem in the request's language; null for English.</param>
    public static bool TryParse(string? text, out decimal value, out string error, InterfaceTextLocalizer? language = null)
    {
        string Say(string key, params object[] arguments) =>
            language is null ? string.Format(CultureInfo.InvariantCulture, key, arguments) : language[key, arguments].Value;
        value = 0;
        error = "";
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            error = Say("Enter a value.");
            return false;
        }
        // Spaces of any kind (including no-break and thin spaces) group digits.
        var compact = Spaces().Replace(trimmed, "");
        if (CommaDecimal().IsMatch(compact))
        {
            error = Say("\"{0}\" looks like a decimal comma: write decimals with a point, e.g. {1}.", trimmed, compact.Replace(',', '.'));
            return false;
        }
        if (!Grouped().IsMatch(compact) && !Plain().IsMatch(compact))
        {
            error = Say("\"{0}\" is not a number. Write digits, optionally grouped by spaces or commas, with a point for decimals, e.g. 20 592 571 or 4.9.", trimmed);
            return false;
        }
        if (!decimal.TryParse(compact.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out value))
        {
            error = Say("\"{0}\" is too large a number.", trimmed);
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

namespace MigrationProfile.Web.Editing;

/// <summary>What an editor typed, as it is stored.</summary>
public static class InputText
{
    /// <summary>Trimmed, or null when nothing but white space was typed, so an empty optional field stores no value.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

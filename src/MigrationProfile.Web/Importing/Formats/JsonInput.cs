using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>What the JSON readers share: parsing a reply without throwing, and fields that publishers send as either numbers or strings.</summary>
internal static class JsonInput
{
    /// <summary>The whole reply as a document, or null when it is not UTF-8 JSON (the problem is recorded at <paramref name="location"/>).</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> json, string location, ReadResult result)
    {
        json = InputStreams.WithoutBom(json);
        // Checked up front: a reader only notices bad UTF-8 inside a string when that string is read.
        if (!Utf8.IsValid(json))
        {
            result.Reject(location, "the reply is not UTF-8 text");
            return null;
        }
        try
        {
            // Parse, unlike ParseValue, also refuses anything but white space after the value.
            return JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            result.Reject(location, $"the reply is cut off or is not JSON ({e.Message.TrimEnd('.')}): fetch it again");
            return null;
        }
    }

    /// <summary>A property of an object, or null when <paramref name="element"/> is not an object or lacks it.</summary>
    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string, or a number's text; null for anything else.</summary>
    public static string? Text(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString()!.Trim(),
        JsonValueKind.Number => element.Value.GetRawText(),
        _ => null,
    };

    /// <summary>A whole number sent as a number or as a string of digits ("per_page":"50" in old World Bank replies).</summary>
    public static bool TryGetInt(JsonElement? element, out int value)
    {
        value = 0;
        return Text(element) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>How a JSON value is named in a message: "an object", "a string".</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

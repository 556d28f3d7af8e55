using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MigrationProfile.Web.Api;

/// <summary>
/// Reads the text of a request's parameters into values and collects what is wrong with each, so that a bad request is
/// one 400 ProblemDetails naming every bad parameter and what it allows. Parameters are bound as text on purpose: a
/// failed binding of an int ("from=abc") would be an empty 400 that names nothing.
/// </summary>
public sealed class ApiQuery
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;
    public const int MaxTextLength = 100;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxPage = 1_000_000;

    // Echoed values are cut short: a 10 000-character parameter is not worth sending back whole.
    private const int EchoLength = 40;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public bool HasError(string parameter) => _errors.ContainsKey(parameter);

    /// <summary>Records that <paramref name="parameter"/> is wrong; <paramref name="message"/> says what is allowed.</summary>
    public void Reject(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var earlier) ? [.. earlier, message] : [message];

    /// <summary>The trimmed text, or null when absent or blank.</summary>
    public string? Text(string parameter, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Reject(parameter, $"at most {maxLength} characters; this one has {text.Length}");
            return null;
        }
        return text;
    }

    /// <summary>Comma-separated values, trimmed, without blanks or repeats (compared case-insensitively).</summary>
    public IReadOnlyList<string> List(string parameter, string? value, int maxItems)
    {
        var text = Text(parameter, value, maxItems * (MaxTextLength + 1));
        if (text is null)
        {
            return [];
        }
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (items.Count > maxItems)
        {
            Reject(parameter, $"at most {maxItems} comma-separated values; this one has {items.Count}");
            return [];
        }
        if (items.FirstOrDefault(item => item.Length > MaxTextLength) is { } tooLong)
        {
            Reject(parameter, $"each value at most {MaxTextLength} characters; one has {tooLong.Length}");
            return [];
        }
        return items;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public int? WholeNumber(string parameter, string? value, int min, int max, string what = "a whole number")
    {
        var text = Text(parameter, value);
        if (text is null)
        {
            return null;
        }
        var allowed = $"{what} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Reject(parameter, $"{Echo(text)} is not a whole number: {allowed}");
            return null;
        }
        if (number < min || number > max)
        {
            Reject(parameter, $"{Echo(text)} is out of range: {allowed}");
            return null;
        }
        return (int)number;
    }

    public int? Year(string parameter, string? value) => WholeNumber(parameter, value, MinYear, MaxYear, "a year");

    /// <summary>A range of years; either end may be open.</summary>
    public (int? From, int? To) Years(string? from, string? to)
    {
        var (first, last) = (Year("from", from), Year("to", to));
        if (first > last)
        {
            Reject("from", $"a year no later than to ({last.Value.ToString(CultureInfo.InvariantCulture)})");
            return (null, null);
        }
        return (first, last);
    }

    public PageRequest Page(string? page, string? pageSize) => new(
        WholeNumber("page", page, 1, MaxPage) ?? 1,
        WholeNumber("pageSize", pageSize, 1, MaxPageSize) ?? DefaultPageSize);

    /// <summary>One value out of a fixed list, compared case-insensitively; null when absent.</summary>
    public string? OneOf(string parameter, string? value, IReadOnlyCollection<string> allowed, string what)
    {
        var text = Text(parameter, value);
        if (text is null)
        {
            return null;
        }
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            RejectUnknown(parameter, text, what, allowed);
        }
        return match;
    }

    public void RejectUnknown(string parameter, string value, string what, IEnumerable<string> allowed) =>
        Reject(parameter, $"{Echo(value)} is not {what}; one of: {string.Join(", ", allowed)}");

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors,
        title: "Invalid request parameters",
        detail: $"Check {string.Join(", ", _errors.Keys)}: each entry under errors says what the parameter allows.");

    public static string Echo(string value) =>
        $"'{(value.Length > EchoLength ? string.Concat(value.AsSpan(0, EchoLength), "…") : value)}'";
}

/// <summary>Which slice of a long list to answer with; pages count from 1.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;
}

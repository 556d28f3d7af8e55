using System.ComponentModel.DataAnnotations;

namespace MigrationProfile.Web.Editing;

/// <summary>An absolute http or https address, as a reader's browser can follow it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute() : base("Enter a full web address starting with https:// or http://, e.g. https://stat.gov.kz/.")
    {
    }

    public override bool IsValid(object? value) =>
        value is null
        || (value is string text && (text.Length == 0
            || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && !string.IsNullOrEmpty(uri.Host))));
}

/// <summary>A reference year from 1900 to next year.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferenceYearAttribute : ValidationAttribute
{
    public const int First = 1900;

    public static int Last => DateTime.UtcNow.Year + 1;

    public override bool IsValid(object? value) => value is null || (value is int year && year >= First && year <= Last);

    public override string FormatErrorMessage(string name) => $"Enter a year from {First} to {Last}.";
}

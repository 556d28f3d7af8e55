using System.ComponentModel.DataAnnotations;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>An absolute http or https address, as a reader's browser can follow it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute() : base("Enter a full web address starting with https:// or http://, e.g. https://stat.gov.kz/.")
    {
    }

    /// <summary>The message in the request's language (no client adapter localizes a custom attribute's message).</summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : LocalizedResult.Of(this, validationContext, ErrorMessageString);

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

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : LocalizedResult.Of(this, validationContext, "Enter a year from {0} to {1}.", First, Last);
}

/// <summary>A custom attribute's message, translated through the interface text when the request has it.</summary>
internal static class LocalizedResult
{
    public static ValidationResult Of(ValidationAttribute attribute, ValidationContext context, string key, params object[] arguments)
    {
        var text = context.GetService(typeof(InterfaceTextLocalizer)) as InterfaceTextLocalizer;
        var message = text is null
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, key, arguments)
            : text[key, arguments].Value;
        var members = context.MemberName is { } member ? new[] { member } : null;
        return new ValidationResult(message ?? attribute.FormatErrorMessage(context.DisplayName), members);
    }
}

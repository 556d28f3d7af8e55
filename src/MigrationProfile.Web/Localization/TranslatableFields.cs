using System.Security.Cryptography;
using System.Text;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Localization;

/// <summary>One content field that has translations beside its English: which row type, which property, how it is edited.</summary>
/// <param name="EntityType">The row's type as history names it, e.g. "Authority".</param>
/// <param name="Field">The property, e.g. "Name".</param>
/// <param name="Label">How an editor knows the field (an interface text key).</param>
/// <param name="Markdown">Edited as Markdown in a large box (narrative bodies); otherwise one line or a short text.</param>
/// <param name="MaxLength">The longest text the field takes, as the English column.</param>
public sealed record TranslatableField(string EntityType, string Field, string Label, bool Markdown, int MaxLength)
{
    /// <summary>The English text of this field on a row of its type.</summary>
    public string? EnglishOf(object row) => row.GetType().GetProperty(Field)?.GetValue(row) as string;
}

/// <summary>Every translatable content field (decision 016); interface wording lives in Resources/ instead.</summary>
public static class TranslatableFields
{
    public static readonly IReadOnlyList<TranslatableField> All =
    [
        new(nameof(Country), nameof(Country.Name), "Country name", false, Data.FieldLimits.Name),
        new(nameof(Country), nameof(Country.GeneralInformationNote), "Note under the General Information panels", false, Data.FieldLimits.Note),
        new(nameof(IndicatorDefinition), nameof(IndicatorDefinition.Name), "Indicator name", false, Data.FieldLimits.Name),
        new(nameof(IndicatorDefinition), nameof(IndicatorDefinition.Description), "Indicator description", false, Data.FieldLimits.Note),
        new(nameof(IndicatorDefinition), nameof(IndicatorDefinition.Unit), "Unit", false, Data.FieldLimits.ShortName),
        new(nameof(IndicatorDefinition), nameof(IndicatorDefinition.ReconciliationNote), "Reconciliation note", false, Data.FieldLimits.Note),
        new(nameof(Source), nameof(Source.ShortName), "Source short name", false, Data.FieldLimits.ShortName),
        new(nameof(Source), nameof(Source.FullName), "Source full name", false, Data.FieldLimits.Name),
        new(nameof(Authority), nameof(Authority.Name), "Authority name", false, Data.FieldLimits.Name),
        new(nameof(PolicyDocument), nameof(PolicyDocument.Title), "Policy document title", false, Data.FieldLimits.Title),
        new(nameof(Publication), nameof(Publication.Title), "Publication title", false, Data.FieldLimits.Title),
        new(nameof(NarrativeSection), nameof(NarrativeSection.Heading), "Section heading", false, Data.FieldLimits.Title),
        new(nameof(NarrativeSection), nameof(NarrativeSection.BodyMarkdown), "Section text (Markdown)", true, Data.FieldLimits.MarkdownBody),
    ];

    public static TranslatableField? Find(string entityType, string field) =>
        All.FirstOrDefault(f => f.EntityType == entityType && f.Field == field);

    public static IEnumerable<TranslatableField> Of(string entityType) => All.Where(f => f.EntityType == entityType);

    /// <summary>What a translation records of the English it was made from, to tell when that English changed since.</summary>
    public static string Hash(string english) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(english)));
}

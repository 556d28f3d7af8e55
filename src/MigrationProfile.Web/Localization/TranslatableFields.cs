using System.Linq.Expressions;
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
/// <param name="English">Reads the field's English from a row of its type; null for a row of another type.</param>
public sealed record TranslatableField(string EntityType, string Field, string Label, bool Markdown, int MaxLength,
    Func<object, string?> English)
{
    /// <summary>The English text of this field on a row of its type.</summary>
    public string? EnglishOf(object row) => English(row);
}

/// <summary>Every translatable content field (decision 016); interface wording lives in Resources/ instead.</summary>
public static class TranslatableFields
{
    public static readonly IReadOnlyList<TranslatableField> All =
    [
        Field<Country>(row => row.Name, "Country name", false, Data.FieldLimits.Name),
        Field<Country>(row => row.GeneralInformationNote, "Note under the General Information panels", false, Data.FieldLimits.Note),
        Field<IndicatorDefinition>(row => row.Name, "Indicator name", false, Data.FieldLimits.Name),
        Field<IndicatorDefinition>(row => row.Description, "Indicator description", false, Data.FieldLimits.Note),
        Field<IndicatorDefinition>(row => row.Unit, "Unit", false, Data.FieldLimits.ShortName),
        Field<IndicatorDefinition>(row => row.ReconciliationNote, "Reconciliation note", false, Data.FieldLimits.Note),
        Field<Source>(row => row.ShortName, "Source short name", false, Data.FieldLimits.ShortName),
        Field<Source>(row => row.FullName, "Source full name", false, Data.FieldLimits.Name),
        Field<Authority>(row => row.Name, "Authority name", false, Data.FieldLimits.Name),
        Field<PolicyDocument>(row => row.Title, "Policy document title", false, Data.FieldLimits.Title),
        Field<Publication>(row => row.Title, "Publication title", false, Data.FieldLimits.Title),
        Field<NarrativeSection>(row => row.Heading, "Section heading", false, Data.FieldLimits.Title),
        Field<NarrativeSection>(row => row.BodyMarkdown, "Section text (Markdown)", true, Data.FieldLimits.MarkdownBody),
    ];

    // The field's name is the property the accessor reads, so the two cannot disagree.
    private static TranslatableField Field<TRow>(Expression<Func<TRow, string?>> property, string label, bool markdown, int maxLength)
    {
        var read = property.Compile();
        return new(typeof(TRow).Name, ((MemberExpression)property.Body).Member.Name, label, markdown, maxLength,
            row => row is TRow typed ? read(typed) : null);
    }

    public static TranslatableField? Find(string entityType, string field) =>
        All.FirstOrDefault(f => f.EntityType == entityType && f.Field == field);

    public static IEnumerable<TranslatableField> Of(string entityType) => All.Where(f => f.EntityType == entityType);

    /// <summary>What a translation records of the English it was made from, to tell when that English changed since.</summary>
    public static string Hash(string english) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(english)));
}

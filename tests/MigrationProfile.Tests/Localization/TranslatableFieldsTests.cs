using System.Reflection;
using System.Runtime.CompilerServices;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Localization;

/// <summary>Each translatable field reads the English of the property it names, and nothing from a row of another type.</summary>
public class TranslatableFieldsTests
{
    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in TranslatableFields.All)
        {
            data.Add(field.EntityType, field.Field);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_field_reads_the_english_of_the_property_it_names(string entityType, string fieldName)
    {
        var field = TranslatableFields.Find(entityType, fieldName)!;
        var rowType = typeof(Country).Assembly.GetType($"{typeof(Country).Namespace}.{entityType}")!;
        var row = RuntimeHelpers.GetUninitializedObject(rowType);
        // Every string property holds its own name, so reading the wrong one shows.
        foreach (var property in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            property.SetValue(row, $"English of {property.Name}");
        }

        Assert.Equal($"English of {fieldName}", field.EnglishOf(row));
        Assert.Null(field.EnglishOf(new object()));
    }
}

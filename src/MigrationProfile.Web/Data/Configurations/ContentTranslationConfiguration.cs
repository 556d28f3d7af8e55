using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class ContentTranslationConfiguration : IEntityTypeConfiguration<ContentTranslation>
{
    public void Configure(EntityTypeBuilder<ContentTranslation> builder)
    {
        builder.Property(t => t.EntityType).HasMaxLength(64);
        builder.Property(t => t.Field).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(FieldLimits.Language);
        builder.Property(t => t.Text).HasMaxLength(FieldLimits.MarkdownBody);
        builder.Property(t => t.EnglishHash).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.Version).IsRowVersion();
        // One text per field and language; the profile reads a language's translations for a country and the shared rows.
        builder.HasIndex(t => new { t.EntityType, t.EntityId, t.Field, t.Language }).IsUnique();
        builder.HasIndex(t => new { t.Language, t.CountryId });
        builder.HasOne<Country>().WithMany().HasForeignKey(t => t.CountryId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class IndicatorDefinitionConfiguration : IEntityTypeConfiguration<IndicatorDefinition>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinition> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(i => i.Unit).HasMaxLength(FieldLimits.ShortName);
        builder.Property(i => i.Description).HasMaxLength(FieldLimits.Note);
        builder.Property(i => i.ReconciliationNote).HasMaxLength(FieldLimits.Note);
        builder.Property(i => i.Version).IsRowVersion();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class IndicatorMappingConfiguration : IEntityTypeConfiguration<IndicatorMapping>
{
    public void Configure(EntityTypeBuilder<IndicatorMapping> builder)
    {
        builder.HasOne(m => m.Source).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Indicator).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.PublisherCode).HasMaxLength(FieldLimits.ShortName);
        builder.Property(m => m.PublisherName).HasMaxLength(FieldLimits.Name);
        builder.Property(m => m.Series).HasMaxLength(FieldLimits.ShortName);
        builder.Property(m => m.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(m => new { m.SourceId, m.PublisherCode }).IsUnique();
    }
}

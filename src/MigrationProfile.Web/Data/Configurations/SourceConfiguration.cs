using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.ShortName).HasMaxLength(FieldLimits.ShortName);
        builder.HasIndex(s => s.ShortName).IsUnique();
        builder.Property(s => s.FullName).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.HomepageUrl).HasMaxLength(FieldLimits.Url);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

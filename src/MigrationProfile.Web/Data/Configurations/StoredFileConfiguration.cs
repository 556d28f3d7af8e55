using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Content).HasColumnType("bytea");
        builder.Property(f => f.ContentType).HasMaxLength(FieldLimits.ShortName);
        builder.Property(f => f.FileName).HasMaxLength(FieldLimits.FileName);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.UploadedBy).HasMaxLength(FieldLimits.Name);
        builder.HasIndex(f => f.Sha256);
    }
}

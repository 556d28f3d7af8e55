using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(FieldLimits.ShortName);
        builder.Property(c => c.UserName).HasMaxLength(FieldLimits.Name);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.EntityType).HasMaxLength(FieldLimits.ShortName);
        builder.Property(c => c.Label).HasMaxLength(FieldLimits.Title + FieldLimits.ShortName);
        builder.Property(c => c.ChangesJson).HasColumnType("jsonb");
        builder.Property(c => c.SnapshotJson).HasColumnType("jsonb");
        // History outlives the content and the accounts it mentions: no foreign keys.
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.ChangedAt });
        builder.HasIndex(c => new { c.CountryId, c.ChangedAt });
        builder.HasIndex(c => c.ChangedAt);
        builder.HasIndex(c => c.ImportRunId);
    }
}

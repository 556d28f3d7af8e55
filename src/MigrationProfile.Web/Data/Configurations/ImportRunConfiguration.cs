using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.HasOne(r => r.Source).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Origin).HasMaxLength(FieldLimits.Url);
        builder.Property(r => r.Edition).HasMaxLength(FieldLimits.ShortName);
        builder.Property(r => r.StartedBy).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.StartedByUserId).HasMaxLength(FieldLimits.ShortName);
        builder.Property(r => r.ProblemsJson).HasColumnType("jsonb");
        builder.Property(r => r.SkippedJson).HasColumnType("jsonb");
        builder.Property(r => r.FailureMessage).HasMaxLength(FieldLimits.Note);
        builder.HasIndex(r => new { r.SourceId, r.StartedAt });
        builder.HasIndex(r => r.StartedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class StagedObservationConfiguration : IEntityTypeConfiguration<StagedObservation>
{
    public void Configure(EntityTypeBuilder<StagedObservation> builder)
    {
        builder.ToTable("import_staged_observations");
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Series).HasMaxLength(FieldLimits.ShortName);
        builder.Property(s => s.Edition).HasMaxLength(FieldLimits.ShortName);
        builder.Property(s => s.NumericValue).HasColumnType("numeric");
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.SourceUrl).HasMaxLength(FieldLimits.Url);
        builder.Property(s => s.Location).HasMaxLength(FieldLimits.ShortName);
        // A run stages each point of a series once: a file naming the same point twice is refused before this.
        builder.HasIndex(s => new { s.ImportRunId, s.CountryId, s.IndicatorId, s.SourceId, s.Series, s.Edition, s.PeriodYear, s.PeriodQuarter })
            .IsUnique()
            .AreNullsDistinct(false);
    }
}

public class StagedMigrantStockConfiguration : IEntityTypeConfiguration<StagedMigrantStock>
{
    public void Configure(EntityTypeBuilder<StagedMigrantStock> builder)
    {
        builder.ToTable("import_staged_migrant_stocks");
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Edition).HasMaxLength(FieldLimits.ShortName);
        builder.Property(s => s.DestinationIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.OriginIso3).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(s => s.ImportRunId);
    }
}

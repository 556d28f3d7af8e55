using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasOne(o => o.Country).WithMany(c => c.Observations).OnDelete(DeleteBehavior.Cascade);
        // A source or indicator still referenced by a figure cannot be deleted.
        builder.HasOne(o => o.Indicator).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Source).WithMany().OnDelete(DeleteBehavior.Restrict);
        // A figure outlives the record of the run that brought it.
        builder.HasOne(o => o.ImportRun).WithMany().OnDelete(DeleteBehavior.SetNull);

        builder.Property(o => o.Series).HasMaxLength(FieldLimits.ShortName);
        builder.Property(o => o.Edition).HasMaxLength(FieldLimits.ShortName);
        // Unconstrained numeric keeps the decimals exactly as the source published them.
        builder.Property(o => o.NumericValue).HasColumnType("numeric");
        builder.Property(o => o.TextValue).HasMaxLength(FieldLimits.Name);
        builder.Property(o => o.Qualifier).HasMaxLength(FieldLimits.ShortName);
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.SourceUrl).HasMaxLength(FieldLimits.Url);
        builder.Property(o => o.Note).HasMaxLength(FieldLimits.Note);
        builder.Property(o => o.Version).IsRowVersion();

        // One value per point of a series: the key a time series and an importer rely on.
        builder.HasIndex(o => new { o.CountryId, o.IndicatorId, o.SourceId, o.Series, o.Edition, o.PeriodYear, o.PeriodQuarter })
            .IsUnique()
            .AreNullsDistinct(false);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_observations_quarter", "period_quarter IS NULL OR period_quarter BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_observations_quarter_needs_year", "period_quarter IS NULL OR period_year IS NOT NULL");
            t.HasCheckConstraint("ck_observations_has_value",
                "numeric_value IS NOT NULL OR boolean_value IS NOT NULL OR text_value IS NOT NULL");
        });
    }
}

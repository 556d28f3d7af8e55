using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class MigrantStockConfiguration : IEntityTypeConfiguration<MigrantStock>
{
    public void Configure(EntityTypeBuilder<MigrantStock> builder)
    {
        builder.Property(m => m.Edition).HasMaxLength(FieldLimits.ShortName);
        builder.Property(m => m.DestinationIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(m => m.OriginIso3).HasMaxLength(3).IsFixedLength();
        // The importers' upsert key; the second index serves "where do people born here live".
        builder.HasIndex(m => new { m.Edition, m.Year, m.DestinationIso3, m.OriginIso3, m.Sex }).IsUnique();
        builder.HasIndex(m => new { m.OriginIso3, m.Edition, m.Year });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(m => m.ImportRunId).OnDelete(DeleteBehavior.SetNull);
    }
}

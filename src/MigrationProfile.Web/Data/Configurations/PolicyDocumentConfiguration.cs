using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> builder)
    {
        builder.HasOne(p => p.Country).WithMany(c => c.PolicyDocuments).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Title).HasMaxLength(FieldLimits.Title);
        builder.Property(p => p.Url).HasMaxLength(FieldLimits.Url);
        // Files are never deleted (history may point back at one), so nothing cascades to them.
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.CountryId, p.SortOrder });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.HasOne(a => a.Country).WithMany(c => c.Authorities).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(a => a.Url).HasMaxLength(FieldLimits.Url);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.CountryId, a.Role, a.SortOrder });
    }
}

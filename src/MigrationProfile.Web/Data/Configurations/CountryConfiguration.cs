using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(FieldLimits.Slug);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Iso3Code).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(c => c.Iso3Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(c => c.Iso2Code).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Region).HasMaxLength(FieldLimits.ShortName);
        builder.Property(c => c.GeneralInformationNote).HasMaxLength(FieldLimits.Note);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

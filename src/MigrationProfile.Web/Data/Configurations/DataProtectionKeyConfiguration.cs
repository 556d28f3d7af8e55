using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrationProfile.Web.Data.Configurations;

/// <summary>The key ring every instance signs and reads cookies with (see Security/SharedDataProtection).</summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        // The library names keys "key-{guid}"; the XML holds the key and its dates, a few hundred characters.
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class ContentDraftConfiguration : IEntityTypeConfiguration<ContentDraft>
{
    public void Configure(EntityTypeBuilder<ContentDraft> builder)
    {
        builder.HasOne(d => d.Country).WithMany().OnDelete(DeleteBehavior.Cascade);
        // Stored files are never deleted (decision 011); a draft's file stays for as long as the draft.
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.ValuesJson).HasColumnType("jsonb");
        builder.Property(d => d.Label).HasMaxLength(FieldLimits.Title);
        builder.Property(d => d.AuthorId).HasMaxLength(FieldLimits.ShortName);
        builder.Property(d => d.AuthorName).HasMaxLength(FieldLimits.Name);
        // One draft per editor and published item; a new item may have several.
        builder.HasIndex(d => new { d.Kind, d.ItemId, d.AuthorId }).IsUnique().HasFilter("item_id IS NOT NULL");
        builder.HasIndex(d => new { d.CountryId, d.UpdatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Configurations;

public class NarrativeSectionConfiguration : IEntityTypeConfiguration<NarrativeSection>
{
    public void Configure(EntityTypeBuilder<NarrativeSection> builder)
    {
        builder.HasOne(n => n.Country).WithMany(c => c.NarrativeSections).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Language).HasMaxLength(FieldLimits.Language);
        builder.Property(n => n.Heading).HasMaxLength(FieldLimits.Title);
        builder.Property(n => n.BodyMarkdown).HasMaxLength(FieldLimits.MarkdownBody);
        builder.Property(n => n.Version).IsRowVersion();
        builder.HasIndex(n => new { n.CountryId, n.Language, n.SortOrder });
    }
}

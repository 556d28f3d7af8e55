using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Profiles;

/// <summary>Whatever Markdown reaches the database, the public page renders it harmless.</summary>
public class HostileNarrativeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_narrative_section_with_scripts_handlers_and_javascript_links_is_harmless_on_the_page()
    {
        await using (var db = portal.OpenDbContext())
        {
            var country = db.Countries.Single(c => c.Slug == "kazakhstan");
            db.NarrativeSections.Add(new NarrativeSection
            {
                Country = country,
                Heading = "Hostile section",
                SortOrder = 99,
                BodyMarkdown = "Text <script>alert('x')</script> and <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) "
                    + "and <a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">raw</a>.",
            });
            await db.SaveChangesAsync();
        }

        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var section = page.QuerySelectorAll(".narrative-section").Single(s => s.QuerySelector("h3")!.Visible() == "Hostile section");
        // The only script element is the page's schema.org data, which is never executed.
        Assert.All(page.QuerySelectorAll("script"), script => Assert.Equal("application/ld+json", script.GetAttribute("type")));
        Assert.Empty(section.QuerySelectorAll("img"));
        Assert.DoesNotContain(section.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Text", section.Visible(), StringComparison.Ordinal);
    }
}

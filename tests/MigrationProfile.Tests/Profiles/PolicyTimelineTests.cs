using MigrationProfile.Tests.Admin;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Profiles;

/// <summary>Beside the list of key policy documents, a timeline of the years they were adopted and amended.</summary>
public class PolicyTimelineTests : SignedInEditorTests
{
    private async Task<string[]> TimelineAsync()
    {
        var page = await PublicProfileAsync();
        var timeline = page.QuerySelector("#key-policy-documents .policy-timeline ol.timeline");
        Assert.True(timeline is not null, "no timeline: " + page.QuerySelector("#key-policy-documents")?.Visible());
        return [.. timeline.Children.Select(year => year.Visible())];
    }

    [Fact]
    public async Task The_seeded_documents_stand_in_year_order_with_adoptions_and_amendments()
    {
        Assert.Equal(
        [
            "1995 Adopted: Law on the Legal Status of Foreigners",
            "2009 Adopted: Law of Refugees",
            "2011 Adopted: Law on Migration",
            "2018 Last amended: Law on Migration",
            "2021 Last amended: Law of Refugees Last amended: Law on the Legal Status of Foreigners",
        ], await TimelineAsync());
        var page = await PublicProfileAsync();
        Assert.Equal("2011", page.QuerySelectorAll(".timeline time")[2].GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_document_given_years_in_admin_takes_its_place_in_the_timeline()
    {
        var id = await IdAsync(db => db.PolicyDocuments.Where(p => p.Title == "Concept of Migration Policy for 2017-2021").Select(p => p.Id));

        await SaveAsync($"/admin/policy-documents/edit/{id}", $"/admin/policy-documents/edit/{id}?country=kazakhstan",
            new() { ["Input.YearAdopted"] = "2017", ["Input.YearLastAmended"] = "2019" });

        var timeline = await TimelineAsync();
        Assert.Equal(["1995", "2009", "2011", "2017", "2018", "2019", "2021"], timeline.Select(entry => entry[..4]));
        Assert.Contains("2017 Adopted: Concept of Migration Policy for 2017-2021", timeline);
        Assert.Contains("2019 Last amended: Concept of Migration Policy for 2017-2021", timeline);
    }

    [Fact]
    public void Documents_without_years_are_left_out_and_a_year_lists_adoptions_before_amendments()
    {
        PolicyDocumentView Document(string title, int? adopted, int? amended) =>
            new(title, adopted, amended, PolicyDocumentKind.Law, null, title, null);

        var timeline = PolicyTimeline.Of([Document("B", 2020, null), Document("Undated", null, null), Document("A", 2010, 2020)]);

        Assert.Equal([2010, 2020], timeline.Select(y => y.Value));
        Assert.Equal([(PolicyMilestoneKind.Adopted, "B"), (PolicyMilestoneKind.Amended, "A")], timeline[1].Milestones.Select(m => (m.Kind, m.Title)));
    }
}

using System.Globalization;

namespace MigrationProfile.Web.Profiles;

public enum PolicyMilestoneKind
{
    Adopted = 0,
    Amended = 1,
}

/// <summary>
/// The profile's policy documents as a timeline: every year a document was adopted or last amended, oldest first,
/// with what happened that year. Only the years the documents carry; a document without years is left out.
/// </summary>
public static class PolicyTimeline
{
    /// <param name="Kind">Adopted or last amended.</param>
    /// <param name="Title">The document's title without years.</param>
    public sealed record Milestone(PolicyMilestoneKind Kind, string Title);

    /// <param name="Value">The year.</param>
    /// <param name="Milestones">Adoptions first, then amendments, each by title.</param>
    public sealed record Year(int Value, IReadOnlyList<Milestone> Milestones)
    {
        public string YearText => Value.ToString("0000", CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<Year> Of(IEnumerable<PolicyDocumentView> documents) =>
        [.. documents
            .SelectMany(d => new[]
            {
                (Year: d.YearAdopted, Milestone: new Milestone(PolicyMilestoneKind.Adopted, d.Title)),
                (Year: d.YearLastAmended, Milestone: new Milestone(PolicyMilestoneKind.Amended, d.Title)),
            })
            .Where(m => m.Year is not null)
            .GroupBy(m => m.Year!.Value)
            .OrderBy(year => year.Key)
            .Select(year => new Year(year.Key, [.. year
                .Select(m => m.Milestone)
                .OrderBy(m => m.Kind)
                .ThenBy(m => m.Title, StringComparer.CurrentCulture)]))];
}

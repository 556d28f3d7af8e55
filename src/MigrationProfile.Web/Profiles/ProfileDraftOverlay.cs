using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// Drafted versions of a profile's items, laid over the published profile in memory for the preview (decision 012).
/// An item with id 0 is not published yet and goes last; any other replaces the published item with its id.
/// After the query has used it, it tells which of the profile's records came from a draft.
/// </summary>
public sealed class ProfileDraftOverlay
{
    private readonly HashSet<object> _drafted = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<NarrativeSection> NarrativeSections { get; init; } = [];

    public IReadOnlyList<Authority> Authorities { get; init; } = [];

    public IReadOnlyList<PolicyDocument> PolicyDocuments { get; init; } = [];

    public IReadOnlyList<Publication> Publications { get; init; } = [];

    /// <summary>Whether this record of the profile (an authority, a document...) shows a draft.</summary>
    public bool IsDrafted(object view) => _drafted.Contains(view);

    internal T Mark<T>(T view, bool drafted) where T : notnull
    {
        if (drafted)
        {
            _drafted.Add(view);
        }
        return view;
    }

    /// <summary>The published items with the drafted ones in their place, then the drafted new ones.</summary>
    internal static List<(T Item, bool Drafted)> Overlaid<T>(IEnumerable<T> published, IEnumerable<T>? drafted, Func<T, int> idOf)
    {
        if (drafted is null)
        {
            return [.. published.Select(item => (item, false))];
        }
        var drafts = drafted.ToList();
        var replacing = drafts.Where(d => idOf(d) != 0).ToDictionary(idOf);
        return
        [
            .. published.Select(item => replacing.TryGetValue(idOf(item), out var draft) ? (draft, true) : (item, false)),
            .. drafts.Where(d => idOf(d) == 0).Select(draft => (draft, true)),
        ];
    }
}

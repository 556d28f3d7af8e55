namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// An editor's proposed change to one item of a profile, not yet public. Kept apart from the content rows so the
/// public queries never see it; publishing applies the values through the normal save and deletes the draft.
/// </summary>
public class ContentDraft
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    public DraftKind Kind { get; set; }

    /// <summary>The published item the draft changes; null for an item not published yet.</summary>
    public int? ItemId { get; set; }

    /// <summary>The edit page's input model as JSON: exactly what the editor typed.</summary>
    public required string ValuesJson { get; set; }

    /// <summary>How the item reads in the draft (heading, name or title), for lists.</summary>
    public required string Label { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The published item's concurrency version the draft was written against; publishing expects it.</summary>
    public uint? BasedOnVersion { get; set; }

    /// <summary>
    /// The file a publication or policy document has in the draft: one uploaded with the draft, or the published
    /// item's file kept; null for none (and for kinds without files). Stored files are immutable, so it stays valid.
    /// </summary>
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
}

/// <summary>The kinds of content that can be drafted; figures keep their direct path.</summary>
public enum DraftKind
{
    NarrativeSection,
    Authority,
    PolicyDocument,
    Publication,
}

namespace MigrationProfile.Web.Files;

/// <summary>
/// The file an edit form starts from: the open draft's (decision 012) or, without a draft, the published item's.
/// Keeping the file, removing it or uploading another changes this one.
/// </summary>
/// <param name="FileId">The file the form holds now; null for none.</param>
/// <param name="PublishedFileId">The file the published item has; null for none or a new item.</param>
/// <param name="InDraft">Whether <paramref name="FileId"/> is a draft's.</param>
public sealed record FileOnForm(int? FileId, int? PublishedFileId, bool InDraft)
{
    public static FileOnForm Published(int? fileId) => new(fileId, fileId, false);
}

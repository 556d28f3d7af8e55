using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>
/// A document's title on the profile, linked to its stored file (with type and size beside it) or else to its page
/// elsewhere; with both, the page elsewhere follows as a second link.
/// </summary>
/// <param name="Title">As the list shows it.</param>
/// <param name="Url">The document's page elsewhere, where known.</param>
/// <param name="File">The PDF stored on the portal, where uploaded.</param>
/// <param name="SayWhenUnlinked">Whether to say "no public link recorded" when there is neither.</param>
/// <param name="TitleLanguage">The title's language where it is not the page's (not translated yet); null otherwise.</param>
public sealed record DocumentLinkModel(string Title, string? Url, DocumentFileView? File, bool SayWhenUnlinked, string? TitleLanguage = null);

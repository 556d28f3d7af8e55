namespace MigrationProfile.Web.Files;

/// <summary>Settings for documents editors upload (section "Files").</summary>
public sealed class FileUploadOptions
{
    public const string SectionName = "Files";

    /// <summary>The largest file an editor may upload, in bytes (default 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20_000_000;
}

namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// An uploaded document (a publication's or policy document's PDF), kept in the database so every instance serves the
/// same bytes and a backup holds it. Rows are never changed or deleted: replacing a file adds a row, and the history
/// of the item pointing at it can bring the earlier one back.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>As served, e.g. "application/pdf": decided by the portal's content check, never by the browser's claim.</summary>
    public required string ContentType { get; set; }

    /// <summary>The name the editor's file had, cleaned of paths and control characters; offered when saving.</summary>
    public required string FileName { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the ETag, and part of the file's address.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Who uploaded it, as history names people ("System" for tools).</summary>
    public required string UploadedBy { get; set; }
}

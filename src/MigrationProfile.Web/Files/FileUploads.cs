using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Files;

/// <summary>The outcome of reading an upload: a file ready to store, or why it was refused, in an editor's words.</summary>
public sealed record UploadResult(StoredFile? File, string? Problem);

/// <summary>Reads an editor's upload, checks its size and content, and makes the <see cref="StoredFile"/> to save.</summary>
public sealed class FileUploads(IOptions<FileUploadOptions> options, IChangeAuthor author, InterfaceTextLocalizer text)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<UploadResult> ReadPdfAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var name = SafeFileName(upload.FileName);
        if (upload.Length == 0)
        {
            return new(null, text["{0} is empty. Choose the PDF again.", name]);
        }
        if (upload.Length > MaxBytes)
        {
            return new(null, text["{0} is {1}; the largest file the portal takes is {2}. Upload a smaller PDF (e.g. saved with reduced image quality) or give a link instead.",
                name, FileSizeText.Of(upload.Length), FileSizeText.Of(MaxBytes)]);
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await using (var stream = upload.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }
        var content = buffer.ToArray();
        if (!PdfContent.IsPdf(content))
        {
            return new(null, text["{0} is not a PDF: its content does not start with %PDF- and end with %%EOF, whatever its name says. Upload the document as a PDF, or give a link to it instead.",
                name]);
        }

        return new(new StoredFile
        {
            Content = content,
            ContentType = PdfContent.ContentType,
            FileName = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : $"{name}.pdf",
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = DateTimeOffset.UtcNow,
            UploadedBy = author.Name,
        }, null);
    }

    /// <summary>The last segment of what the browser sent, without control characters, at most 255 characters.</summary>
    public static string SafeFileName(string? sent)
    {
        var lastSegment = (sent ?? "").Split('/', '\\')[^1];
        var cleaned = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*'))
            {
                cleaned.Append(c);
            }
        }
        var name = cleaned.ToString().Trim().Trim('.');
        if (name.Length == 0)
        {
            name = "document.pdf";
        }
        return name.Length <= Data.FieldLimits.FileName ? name : name[^Data.FieldLimits.FileName..];
    }
}

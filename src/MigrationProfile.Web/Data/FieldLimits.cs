namespace MigrationProfile.Web.Data;

/// <summary>Column lengths, shared by the EF configuration and (later) the editors' validation.</summary>
public static class FieldLimits
{
    public const int Slug = 64;
    public const int Language = 16;
    public const int ShortName = 64;
    public const int Name = 300;
    public const int Title = 400;
    public const int Url = 2048;
    public const int FileName = 255;
    public const int Note = 2000;
    public const int MarkdownBody = 50_000;
}

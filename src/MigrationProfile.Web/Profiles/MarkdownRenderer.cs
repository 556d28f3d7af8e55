using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// Turns editors' Markdown into HTML that is safe to put on a public page: raw HTML is escaped by Markdig,
/// and the result is sanitised so no script, event handler or javascript: link survives.
/// A saved section is rendered once per change, not per request: its HTML is kept under its id and version.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = 4096 });

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>A stored section's HTML; <paramref name="version"/> (its row version) changes with every save, so an
    /// edited section is rendered afresh and the old rendering ages out.</summary>
    public string ToSafeHtml(int sectionId, long version, string markdown) =>
        _rendered.GetOrCreate((sectionId, version), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return ToSafeHtml(markdown);
        })!;

    /// <summary>A translation's HTML, kept under its own text: a changed translation is a new text, rendered once.</summary>
    public string ToSafeHtmlOnce(string markdown) =>
        _rendered.GetOrCreate(markdown, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return ToSafeHtml(markdown);
        })!;

    public void Dispose() => _rendered.Dispose();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links in prose lead away from the portal: never give the target page a handle on this one.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}

using AngleSharp.Html.Parser;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Profiles;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<string> HostileMarkdown => new()
    {
        "Hello <script>alert('x')</script> world",
        "<img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1))",
        "[click me](JaVaScRiPt:alert(1))",
        "<a href=\"javascript:alert(1)\">raw link</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onclick=\"alert(1)\">text</div>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![image](javascript:alert(1))",
    };

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void Hostile_markdown_is_rendered_harmless(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, img"));
        Assert.DoesNotContain(document.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.All, element => element.Attributes.Any(a =>
            a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || a.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_meaning()
    {
        var html = _renderer.ToSafeHtml("Arrivals rose by **45.7%**; see the [report](https://worldmigrationreport.iom.int/).\n\n- one\n- *two*");

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("45.7%", document.QuerySelector("p strong")!.TextContent);
        var link = document.QuerySelector("a")!;
        Assert.Equal("https://worldmigrationreport.iom.int/", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal(2, document.QuerySelectorAll("ul li").Length);
        Assert.Equal("two", document.QuerySelector("li em")!.TextContent);
    }

    [Fact]
    public void A_translation_is_rendered_once_per_text_and_afresh_when_its_text_changes()
    {
        const string Translation = "Прибытие выросло на **45,7 %**.";

        var first = _renderer.ToSafeHtmlOnce(Translation);
        var again = _renderer.ToSafeHtmlOnce(new string(Translation.AsSpan()));
        var changed = _renderer.ToSafeHtmlOnce(Translation.Replace("45,7", "46,1", StringComparison.Ordinal));

        Assert.Same(first, again);
        Assert.Equal("<p>Прибытие выросло на <strong>45,7 %</strong>.</p>", first.Trim());
        Assert.Contains("46,1", changed, StringComparison.Ordinal);
        Assert.Empty(new HtmlParser().ParseDocument(_renderer.ToSafeHtmlOnce("<script>alert(1)</script>")).QuerySelectorAll("script"));
    }
}

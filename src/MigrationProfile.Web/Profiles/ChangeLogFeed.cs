using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// A profile's change log as an Atom 1.0 feed (/countries/{slug}/changes.atom, and /ru/... in Russian), written by System.ServiceModel.Syndication:
/// the latest entries of the page, each with a stable id, its time, a title and the changes as text. The author is the
/// portal, never an editor.
/// </summary>
public static class ChangeLogFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>Entries in the feed: the newest, as feed readers poll.</summary>
    public const int Entries = 50;

    public const string PortalAuthor = "MigrationProfile";

    public static string Path(string slug) => $"/countries/{slug}/changes.atom";

    public static IEndpointRouteBuilder MapChangeLogFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/countries/{slug}/changes.atom", FeedAsync).WithName("ProfileChangeLogFeed").ExcludeFromDescription()
            .WithSummary("What changed on a profile and when, as an Atom feed");
        return app;
    }

    private static async Task<IResult> FeedAsync(string slug, AppDbContext db, ChangeLogWording wording, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var log = await new ProfileChangeLog(db).GetAsync(slug, 1, Entries, wording.Language, cancellationToken);
        return log is null
            ? Results.NotFound()
            : Results.Bytes(Write(log, SiteAddress.BaseUrl(request), wording), ContentType);
    }

    /// <summary>The feed in the request's language; <paramref name="baseUrl"/> carries the language's prefix ("/ru").</summary>
    public static byte[] Write(ChangeLogPage log, string baseUrl, ChangeLogWording wording)
    {
        var pageUrl = baseUrl + $"/countries/{log.Country.Slug}/changes";
        var updated = log.Entries.Count > 0
            ? log.Entries.Max(e => e.ChangedAt)
            : new DateTimeOffset(log.Country.LatestUpdate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var feed = new SyndicationFeed(wording.LogTitle(log.Country.Name), wording.LogDescription(log.Country.Name),
            new Uri(pageUrl), pageUrl, updated)
        {
            Language = wording.LanguageCode,
            Generator = PortalAuthor,
        };
        feed.Authors.Add(new SyndicationPerson { Name = PortalAuthor, Uri = baseUrl + "/" });
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + Path(log.Country.Slug)), "self", null, "application/atom+xml", 0));
        feed.Items = [.. log.Entries.Select(entry =>
            new SyndicationItem(wording.TitleOf(entry), wording.Describe(entry), new Uri($"{pageUrl}#{entry.Key}"), $"{pageUrl}#{entry.Key}",
                entry.ChangedAt)
            {
                PublishDate = entry.ChangedAt,
            })];

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        return buffer.ToArray();
    }
}

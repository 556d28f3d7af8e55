using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// A profile's change log as an Atom 1.0 feed (/countries/{slug}/changes.atom), written by System.ServiceModel.Syndication:
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

    public static string When(DateTimeOffset changedAt) =>
        changedAt.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapChangeLogFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/countries/{slug}/changes.atom", FeedAsync).WithName("ProfileChangeLogFeed").ExcludeFromDescription()
            .WithSummary("What changed on a profile and when, as an Atom feed");
        return app;
    }

    private static async Task<IResult> FeedAsync(string slug, AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var log = await new ProfileChangeLog(db).GetAsync(slug, 1, Entries, cancellationToken);
        return log is null
            ? Results.NotFound()
            : Results.Bytes(Write(log, SiteAddress.BaseUrl(request)), ContentType);
    }

    public static byte[] Write(ChangeLogPage log, string baseUrl)
    {
        var pageUrl = baseUrl + $"/countries/{log.Country.Slug}/changes";
        var updated = log.Entries.Count > 0
            ? log.Entries.Max(e => e.ChangedAt)
            : new DateTimeOffset(log.Country.LatestUpdate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var feed = new SyndicationFeed(
            $"Changes to the {log.Country.Name} migration profile",
            $"What changed on the {log.Country.Name} migration profile and when: figures with their old and new values, sections, documents and publishers' data.",
            new Uri(pageUrl), pageUrl, updated)
        {
            Language = "en",
            Generator = PortalAuthor,
        };
        feed.Authors.Add(new SyndicationPerson { Name = PortalAuthor, Uri = baseUrl + "/" });
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + Path(log.Country.Slug)), "self", null, "application/atom+xml", 0));
        feed.Items = [.. log.Entries.Select(entry =>
        {
            var item = new SyndicationItem(entry.Title, Describe(entry), new Uri($"{pageUrl}#{entry.Key}"), $"{pageUrl}#{entry.Key}", entry.ChangedAt)
            {
                PublishDate = entry.ChangedAt,
            };
            return item;
        })];

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        return buffer.ToArray();
    }

    /// <summary>The entry's changes as plain text, one line each, as the page lists them.</summary>
    private static string Describe(ChangeLogEntry entry)
    {
        if (entry.Import is { } import)
        {
            return $"{ProfileChangeLog.ImportTitle(import)}. {ProfileChangeLog.ImportDescription(import)}";
        }
        var lines = entry.Items.Select(item =>
        {
            var changes = item.Changes.Select(c => c.Sentence is not null ? $"{c.Title}: {c.Sentence}"
                : c.Old is not null && c.New is not null ? $"{c.Title}: {c.Old} → {c.New}"
                : $"{c.Title}: {c.New ?? c.Old}");
            var detail = string.Join("; ", changes);
            return $"{item.ActionTitle} {item.Kind.ToLowerInvariant()}: {item.Title}{(detail.Length > 0 ? $" ({detail})" : "")}";
        }).ToList();
        if (entry.MoreItems > 0)
        {
            lines.Add($"and {entry.MoreItems} more {(entry.MoreItems == 1 ? "change" : "changes")} in the same update.");
        }
        return string.Join("\n", lines);
    }
}

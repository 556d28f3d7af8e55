using System.Globalization;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// The change log's words in the request's language, shared by the page (/countries/{slug}/changes) and its Atom feed
/// (/countries/{slug}/changes.atom), so a reader of either in Russian reads the same sentences.
/// </summary>
public sealed class ChangeLogWording(InterfaceTextLocalizer text, DisplayFormat format)
{
    /// <summary>What <see cref="ProfileChangeLog"/> needs to name items in the request's language; null for the default language.</summary>
    public ChangeLogLanguage? Language =>
        text.Languages.Current is { IsDefault: false } current
            ? new ChangeLogLanguage(current.Code, text.Languages.Default.Code, word => text[word], format.Period)
            : null;

    /// <summary>The request's language code: the feed's <c>xml:lang</c>.</summary>
    public string LanguageCode => text.Languages.Current.Code;

    /// <summary>"Changes to the Kazakhstan migration profile": the page's and the feed's title.</summary>
    public string LogTitle(string countryName) => text["Changes to the {0} migration profile", countryName];

    /// <summary>The feed's subtitle, the page's description.</summary>
    public string LogDescription(string countryName) =>
        text["What changed on the {0} migration profile and when: figures with their old and new values, sections, documents and publishers' data.", countryName];

    /// <summary>The entry's one-line summary: the page's entry heading and the Atom entry's title.</summary>
    public string TitleOf(ChangeLogEntry entry)
    {
        if (entry.Import is { } run)
        {
            var counts = new List<string>();
            if (run.Added > 0)
            {
                counts.Add(text.Plural(run.Added, "{0} figure added", "{0} figures added"));
            }
            if (run.Changed > 0)
            {
                counts.Add(text.Plural(run.Changed, "{0} figure changed", "{0} figures changed"));
            }
            if (run.Removed > 0)
            {
                counts.Add(text.Plural(run.Removed, "{0} figure removed", "{0} figures removed"));
            }
            var what = string.Join(" · ", new[] { run.Publisher, run.Edition }.Where(p => !string.IsNullOrEmpty(p)));
            return what.Length == 0
                ? text["Publisher data imported: {0}", string.Join(", ", counts)]
                : text["{0} data imported: {1}", what, string.Join(", ", counts)];
        }
        if (entry.Items.Count + entry.MoreItems == 1)
        {
            return ItemTitle(entry.Items[0]);
        }
        return text.Plural(entry.Items.Count + entry.MoreItems, "{0} change to the profile", "{0} changes to the profile");
    }

    /// <summary>"Figure changed: Population · World Bank · 2024".</summary>
    public string ItemTitle(ChangeLogItem item) => item.Action switch
    {
        ChangeAction.Created => text["{0} added: {1}", text[item.Kind], item.Title],
        ChangeAction.Deleted => text["{0} removed: {1}", text[item.Kind], item.Title],
        ChangeAction.Restored => text["{0} restored: {1}", text[item.Kind], item.Title],
        _ => text["{0} changed: {1}", text[item.Kind], item.Title],
    };

    /// <summary>"World Bank WDI CSV, IMS 2024, updated by the publisher on 2 May 2026."</summary>
    public string ImportDescription(ChangeLogImport run)
    {
        var parts = new List<string> { run.Format.Length > 0 ? run.Format : text["Publisher's data"] };
        if (run.Edition.Length > 0)
        {
            parts.Add(run.Edition);
        }
        if (run.PublisherUpdatedOn is { } updated)
        {
            parts.Add(text["updated by the publisher on {0}", format.Date(updated)]);
        }
        return string.Join(", ", parts) + ".";
    }

    /// <summary>"9 September 2024, 14:03 UTC", the date as the reader's language writes it.</summary>
    public string When(DateTimeOffset changedAt)
    {
        var utc = changedAt.ToUniversalTime();
        return text["{0}, {1} UTC", format.Date(DateOnly.FromDateTime(utc.UtcDateTime)), utc.ToString("HH:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>A field change's sentence: "revised" in the reader's language; other sentences as written.</summary>
    public string SentenceOf(string sentence) => sentence == ProfileChangeLog.RevisedSentence ? text[sentence] : sentence;

    /// <summary>"and 3 more changes in the same update."</summary>
    public string MoreItems(int count) =>
        text.Plural(count, "and {0} more change in the same update.", "and {0} more changes in the same update.");

    /// <summary>The entry's changes as plain text, one line each, as the page lists them: the Atom entry's content.</summary>
    public string Describe(ChangeLogEntry entry)
    {
        if (entry.Import is { } import)
        {
            return $"{TitleOf(entry)}. {ImportDescription(import)}";
        }
        var lines = entry.Items.Select(item =>
        {
            var changes = item.Changes.Select(c => c.Sentence is not null ? $"{text[c.Title]}: {SentenceOf(c.Sentence)}"
                : c.Old is not null && c.New is not null ? $"{text[c.Title]}: {c.Old} → {c.New}"
                : $"{text[c.Title]}: {c.New ?? c.Old}");
            var detail = string.Join("; ", changes);
            return detail.Length > 0 ? $"{ItemTitle(item)} ({detail})" : ItemTitle(item);
        }).ToList();
        if (entry.MoreItems > 0)
        {
            lines.Add(MoreItems(entry.MoreItems));
        }
        return string.Join("\n", lines);
    }
}

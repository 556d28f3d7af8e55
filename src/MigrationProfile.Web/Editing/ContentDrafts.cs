using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Web.Editing;

/// <summary>The draft an edit form shows, as the page describes it.</summary>
/// <param name="CanManage">Whether the signed-in person may publish or discard it (its author, or an admin).</param>
/// <param name="ItemChangedSince">The published item was saved after the draft was written: publishing will show both versions.</param>
public sealed record OpenDraft(int Id, string AuthorName, DateTimeOffset UpdatedAt, bool IsMine, bool CanManage, bool ItemChangedSince);

/// <summary>
/// Saving, reading and discarding drafts (decision 012). Publishing is not here: the edit page saves the draft's
/// values through its normal path and removes the draft in the same save.
/// </summary>
public static class ContentDrafts
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>An editor publishes and discards their own drafts; an admin anyone's.</summary>
    public static bool CanManage(ClaimsPrincipal user, ContentDraft draft) =>
        user.IsInRole(Roles.Admin) || (UserId(user) is { } id && draft.AuthorId == id);

    public static T Values<T>(ContentDraft draft) where T : new() =>
        JsonSerializer.Deserialize<T>(draft.ValuesJson, s_json) ?? new T();

    public static OpenDraft Describe(ClaimsPrincipal user, ContentDraft draft, uint? publishedVersion) =>
        new(draft.Id, draft.AuthorName, draft.UpdatedAt, draft.AuthorId == UserId(user), CanManage(user, draft),
            publishedVersion is not null && draft.BasedOnVersion != publishedVersion);

    /// <summary>
    /// Keeps <paramref name="input"/> as the person's draft: the one they opened if it is theirs, else their draft of
    /// the same item, else a new one. The published item is not touched.
    /// </summary>
    /// <param name="fileId">The file the item has in the draft (publications and policy documents), already stored; else null.</param>
    public static async Task<ContentDraft> SaveAsync<TInput>(AppDbContext db, ClaimsPrincipal user, DraftKind kind, int countryId,
        int? itemId, int? openedDraftId, TInput input, string label, int? fileId, CancellationToken cancellationToken)
        where TInput : IVersionedInput
    {
        var authorId = UserId(user) ?? throw new InvalidOperationException("Drafts need a signed-in author.");
        var mine = db.ContentDrafts.Where(d => d.AuthorId == authorId && d.Kind == kind && d.ItemId == itemId && d.CountryId == countryId);
        var draft = openedDraftId is int opened ? await mine.SingleOrDefaultAsync(d => d.Id == opened, cancellationToken) : null;
        if (draft is null && itemId is not null)
        {
            draft = await mine.SingleOrDefaultAsync(cancellationToken);
        }
        var now = DateTimeOffset.UtcNow;
        if (draft is null)
        {
            draft = new ContentDraft
            {
                CountryId = countryId,
                Kind = kind,
                ItemId = itemId,
                ValuesJson = "{}",
                Label = "",
                AuthorId = authorId,
                AuthorName = "",
                CreatedAt = now,
            };
            db.ContentDrafts.Add(draft);
        }
        draft.ValuesJson = JsonSerializer.Serialize(input, s_json);
        draft.Label = label;
        var displayName = await db.Users.Where(u => u.Id == authorId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        draft.AuthorName = string.IsNullOrWhiteSpace(displayName) ? user.Identity?.Name ?? authorId : displayName;
        draft.UpdatedAt = now;
        draft.BasedOnVersion = itemId is null ? null : input.Version;
        draft.FileId = fileId;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Deletes the draft and records the discard (who, when, what the draft said) in the same save.</summary>
    public static async Task DiscardAsync(AppDbContext db, ContentDraft draft, IChangeAuthor author, CancellationToken cancellationToken)
    {
        var values = JsonNode.Parse(draft.ValuesJson) as JsonObject ?? [];
        var fileName = draft.FileId is int fileId
            ? await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleOrDefaultAsync(cancellationToken)
            : null;
        List<FieldChange> fields =
        [
            new("Drafted by", draft.AuthorName, null),
            .. values.Where(v => v.Key != "version" && v.Value is not null)
                .Select(v => new FieldChange(char.ToUpperInvariant(v.Key[0]) + v.Key[1..],
                    v.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : v.Value!.ToJsonString(), null)),
            .. fileName is null ? [] : new[] { new FieldChange("File", fileName, null) },
        ];
        db.ContentDrafts.Remove(draft);
        db.ChangeRecords.Add(new ChangeRecord
        {
            ChangedAt = DateTimeOffset.UtcNow,
            UserId = author.UserId,
            UserName = author.Name,
            Action = ChangeAction.Discarded,
            EntityType = nameof(ContentDraft),
            EntityId = draft.Id,
            CountryId = draft.CountryId,
            Label = $"Draft of {KindTitle(draft.Kind).ToLowerInvariant()}: {draft.Label}",
            ChangesJson = JsonSerializer.Serialize(fields, s_json),
            SnapshotJson = draft.ValuesJson,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string KindTitle(DraftKind kind) => kind switch
    {
        DraftKind.NarrativeSection => "Narrative section",
        DraftKind.Authority => "Authority",
        DraftKind.PolicyDocument => "Policy document",
        DraftKind.Publication => "Publication",
        _ => kind.ToString(),
    };

    /// <summary>The edit page that opens the draft.</summary>
    public static string EditUrl(DraftKind kind, int? itemId, int draftId, string countrySlug)
    {
        var folder = kind switch
        {
            DraftKind.NarrativeSection => "narrative",
            DraftKind.Authority => "authorities",
            DraftKind.PolicyDocument => "policy-documents",
            _ => "publications",
        };
        return itemId is int id
            ? $"/admin/{folder}/edit/{id}?draft={draftId}"
            : $"/admin/{folder}/edit?country={countrySlug}&draft={draftId}";
    }
}

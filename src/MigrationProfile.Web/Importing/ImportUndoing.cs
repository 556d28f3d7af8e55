using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Web.Importing;

public sealed record UndoOutcome(bool Undone, int Removed, int Reverted, int LeftAlone, string? Refusal = null);

/// <summary>
/// Takes an applied run back as a whole: figures it added go, figures it changed get their earlier values.
/// A figure someone changed since (a person, or a later import) is left as it is and counted. The undo is
/// saved through the context, so it writes history like any other change.
/// </summary>
public sealed class ImportUndoing(AppDbContext db)
{
    public Task<UndoOutcome> UndoAsync(int runId, CancellationToken cancellationToken) =>
        db.Database.InTransactionAsync(token => UndoInTransactionAsync(runId, token), cancellationToken);

    private async Task<UndoOutcome> UndoInTransactionAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status != ImportRunStatus.Applied)
        {
            return new UndoOutcome(false, 0, 0, 0, run is null ? "There is no such import run." : $"Only an applied run can be undone; this one is {run.Status.ToString().ToLowerInvariant()}.");
        }

        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.ImportRunId == runId && r.EntityType == nameof(Observation))
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.EntityId).Distinct().ToArray();
        var figures = await db.Observations.Include(o => o.Indicator).Include(o => o.Source)
            .Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var type = db.Model.FindEntityType(typeof(Observation))!;

        int removed = 0, reverted = 0, leftAlone = 0;
        foreach (var record in records)
        {
            if (!figures.TryGetValue(record.EntityId, out var figure) || figure.ImportRunId != runId || figure.HandEditedAt is not null)
            {
                leftAlone++;
                continue;
            }
            if (record.Action == ChangeAction.Created)
            {
                db.Observations.Remove(figure);
                removed++;
                continue;
            }
            var entry = db.Entry(figure);
            foreach (var change in ContentHistory.ReadChanges(record))
            {
                if (type.FindProperty(change.Field) is { } property && FieldValues.IsRecorded(property))
                {
                    entry.Property(change.Field).CurrentValue = FieldValues.FromText(change.Old, property.ClrType);
                }
            }
            reverted++;
        }

        db.KeepHandEditMarks = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.KeepHandEditMarks = false;
        }
        run.Status = ImportRunStatus.Undone;
        await db.SaveChangesAsync(cancellationToken);
        return new UndoOutcome(true, removed, reverted, leftAlone);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationProfile.Web.Data;

/// <summary>
/// One SQL query sent through the context (its connection, command interceptors, logging and retrying strategy) with
/// its rows read by hand. For the hot read paths of the uncached profile, where EF's query pipeline (cache lookup,
/// parameter processing, building the SQL and the shaper) cost more than PostgreSQL running the query.
/// </summary>
public static class DirectReads
{
    /// <summary>Every row of <paramref name="sql"/> (interpolated values become parameters), each read by <paramref name="read"/>.</summary>
    public static Task<List<T>> ReadListAsync<T>(this AppDbContext db, FormattableString sql, Func<DbDataReader, T> read,
        CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync((db, sql, read), static async (state, cancellationToken) =>
        {
            var (db, sql, read) = state;
            var command = db.GetService<IRawSqlCommandBuilder>().Build(sql.Format, sql.GetArguments()!, db.Model);
            await using var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(), command.ParameterValues, null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery), cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader.DbDataReader));
            }
            return rows;
        }, cancellationToken);

    /// <summary>The column's value, or null where the row has SQL NULL.</summary>
    public static T? Nullable<T>(this DbDataReader reader, int ordinal) where T : class =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    /// <summary>The column's value, or null where the row has SQL NULL.</summary>
    public static T? NullableValue<T>(this DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

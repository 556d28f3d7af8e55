using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MigrationProfile.Web.Data;

/// <summary>
/// The context retries transient database errors (EnableRetryOnFailure), and such a strategy refuses transactions it
/// does not run itself. Code that needs its own transaction runs it here: inside the execution strategy, retried while
/// the transaction could not even start (the connection is being re-established), never after work began, because the
/// change tracker has already moved on. A failure after that is reported as <see cref="WriteInterruptedException"/>,
/// which the pages explain as "the database cannot be reached; nothing was saved".
/// </summary>
public static class DatabaseTransactions
{
    public static async Task<T> InTransactionAsync<T>(this DatabaseFacade database, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }
        return await database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await database.BeginTransactionAsync(token);
            try
            {
                var result = await work(token);
                await transaction.CommitAsync(token);
                return result;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                throw new WriteInterruptedException(ex);
            }
        }, cancellationToken);
    }

    public static Task InTransactionAsync(this DatabaseFacade database, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async token =>
        {
            await work(token);
            return true;
        }, cancellationToken);
}

/// <summary>The database went away in the middle of a write; the transaction was rolled back, so nothing was saved.</summary>
public sealed class WriteInterruptedException(Exception inner)
    : Exception("The database connection was lost during a write; nothing was saved.", inner);

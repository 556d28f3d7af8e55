using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace MigrationProfile.Web.Data;

/// <summary>
/// Npgsql's retrying strategy, briefly: transient errors (a restarted server, a dropped pooled connection) are retried
/// twice, at most a second apart, so during an outage a page says so within seconds and afterwards the next request
/// finds the server again without a restart. Work inside a transaction the code opened itself is never retried
/// (it could not be repeated safely) and is not refused either: the main write paths open theirs through
/// <see cref="DatabaseTransactions.InTransactionAsync{T}"/>, which retries until the transaction has started.
/// </summary>
public sealed class PortalExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, s_maxDelay, errorCodesToAdd: null)
{
    private const int MaxRetries = 2;
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromSeconds(1);

    /// <summary>The base refuses to run inside a transaction it did not open; here that work simply runs once.</summary>
    protected override void OnFirstExecution()
    {
        if (InOwnTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InOwnTransaction && base.ShouldRetryOn(exception);

    private bool InOwnTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}

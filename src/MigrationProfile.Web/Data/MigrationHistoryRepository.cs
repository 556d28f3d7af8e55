using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationProfile.Web.Data;

#pragma warning disable EF1001 // The provider's history repository is the documented extension point for this check.
/// <summary>
/// Npgsql's history repository answers "the history table exists" without asking, and learns otherwise by reading the
/// table and catching PostgreSQL's "relation does not exist". EF logs that failed command as an error, so every first
/// start on an empty database logged an ERR line that meant nothing. This one asks PostgreSQL (to_regclass resolves the
/// name with the same search_path the later statements use), so the first start reads no missing table.
/// </summary>
public sealed class MigrationHistoryRepository(HistoryRepositoryDependencies dependencies)
    : Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal.NpgsqlHistoryRepository(dependencies)
{
    protected override string ExistsSql =>
        "SELECT to_regclass(" +
        Dependencies.TypeMappingSource.GetMapping(typeof(string)).GenerateSqlLiteral(SqlGenerationHelper.DelimitIdentifier(TableName, TableSchema)) +
        ") IS NOT NULL";

    protected override bool InterpretExistsResult(object? value) => value is true;

    public override bool Exists() =>
        Dependencies.DatabaseCreator.Exists()
        && InterpretExistsResult(Dependencies.RawSqlCommandBuilder.Build(ExistsSql).ExecuteScalar(Parameters()));

    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await Dependencies.DatabaseCreator.ExistsAsync(cancellationToken)
        && InterpretExistsResult(await Dependencies.RawSqlCommandBuilder.Build(ExistsSql).ExecuteScalarAsync(Parameters(), cancellationToken));

    private RelationalCommandParameterObject Parameters() => new(
        Dependencies.Connection, null, null, Dependencies.CurrentContext.Context, Dependencies.CommandLogger, CommandSource.Migrations);
}
#pragma warning restore EF1001

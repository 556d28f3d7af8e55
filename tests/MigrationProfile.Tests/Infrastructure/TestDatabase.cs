using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using Npgsql;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL databases for tests. The server comes from MP_TEST_POSTGRES, which the README's test
/// command sets after starting a throwaway cluster. Migrations and seed run once into a template database;
/// each test database is a fast copy of it, so tests never see each other's writes. Connections are pooled, as a deployed
/// portal's are: a new connection per request would start a PostgreSQL server process for each one, and that start-up
/// took about as much of the machine as the tests themselves. Dropping a database ends its idle pooled connections.
/// </summary>
public static class TestDatabase
{
    private const string TemplateName = "mp_test_template";
    private static readonly SemaphoreSlim s_templateLock = new(1, 1);
    private static bool s_templateReady;

    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("MP_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "MP_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL, " +
            "or set it to a server you may create databases on, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\".");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>For the template and the server's own database: no connection may stay open on a template that is copied.</summary>
    private static string UnpooledConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>A new database with the schema and the seeded profile, as a fresh install has it.</summary>
    public static async Task<string> CreateSeededAsync()
    {
        await EnsureTemplateAsync();
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return name;
    }

    /// <summary>A new database with nothing in it.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static async Task DropAsync(string name) =>
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public static AppDbContext OpenContext(string database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, ConnectionStringFor(database));
        return new AppDbContext(options.Options);
    }

    private static async Task EnsureTemplateAsync()
    {
        if (s_templateReady)
        {
            return;
        }
        await s_templateLock.WaitAsync();
        try
        {
            if (s_templateReady)
            {
                return;
            }
            await DropAsync(TemplateName);
            var options = new DbContextOptionsBuilder<AppDbContext>();
            AppDbContext.Configure(options, UnpooledConnectionStringFor(TemplateName));
            await using (var db = new AppDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }
            s_templateReady = true;
        }
        finally
        {
            s_templateLock.Release();
        }
    }

    private static string NewName() => $"mp_test_{Guid.NewGuid():N}";

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(UnpooledConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

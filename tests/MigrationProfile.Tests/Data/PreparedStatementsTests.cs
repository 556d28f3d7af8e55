using MigrationProfile.Web.Data;
using Npgsql;

namespace MigrationProfile.Tests.Data;

/// <summary>The portal asks Npgsql to prepare its repeated queries, unless the connection string says otherwise.</summary>
public class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_auto_prepared_statements()
    {
        var connectionString = AppDbContext.WithPreparedStatements("Host=127.0.0.1;Port=5432;Username=postgres;Database=portal");

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(AppDbContext.AutoPreparedStatements, builder.MaxAutoPrepare);
        Assert.Equal("portal", builder.Database);
        Assert.Equal(5432, builder.Port);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=portal;MaxAutoPrepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=portal;max auto prepare=10", 10)]
    public void A_connection_string_that_sets_it_is_left_as_written(string connectionString, int expected)
    {
        var result = AppDbContext.WithPreparedStatements(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}

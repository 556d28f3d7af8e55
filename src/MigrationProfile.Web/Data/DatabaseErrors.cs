using System.Net.Sockets;
using Npgsql;

namespace MigrationProfile.Web.Data;

/// <summary>Tells "the database cannot be reached" apart from a bug, so people see a 503 and not a 500.</summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                // 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 3D000: database missing.
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "3D000" }:
                    return true;
                case NpgsqlException { InnerException: null }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>"host:port/database", never the password.</summary>
    public static string ServerOf(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>One line, no stack trace.</summary>
    public static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }
        return innermost.Message;
    }
}

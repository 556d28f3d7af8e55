using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MigrationProfile.Web.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the web host. <c>migrations add</c> never connects;
/// <c>database update</c> uses ConnectionStrings__MigrationProfile from the environment and seeds like the app.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__MigrationProfile")
            ?? "Host=127.0.0.1;Port=54329;Username=postgres;Database=migrationprofile";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }
}

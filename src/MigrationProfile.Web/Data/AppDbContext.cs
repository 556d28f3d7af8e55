using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;

namespace MigrationProfile.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<IndicatorDefinition> IndicatorDefinitions => Set<IndicatorDefinition>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();
    public DbSet<NarrativeSection> NarrativeSections => Set<NarrativeSection>();
    public DbSet<Publication> Publications => Set<Publication>();

    /// <summary>The one place the provider, naming and seed are set: used by the app and by the dotnet-ef tools.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .UseAsyncSeeding(ProfileSeeder.SeedAsync)
        .UseSeeding((context, storeCreated) =>
            ProfileSeeder.SeedAsync(context, storeCreated, CancellationToken.None).GetAwaiter().GetResult());

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads well to a researcher and survives reordering.
        configurationBuilder.Properties<IndicatorPanel>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<ValueKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SourceScope>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuthorityRole>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<PolicyDocumentKind>().HaveConversion<string>().HaveMaxLength(20);
    }
}

using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Data.Seed;
using Npgsql;

namespace MigrationProfile.Web.Data;

/// <summary>
/// The portal's database: content, accounts (ASP.NET Core Identity), the history of every content change, and the
/// Data Protection keys that every instance protects cookies with.
/// Saving content always writes its history in the same transaction (see <see cref="SaveChangesAsync(bool, CancellationToken)"/>).
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, IChangeAuthor? author = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly IChangeAuthor _author = author ?? SystemChangeAuthor.Instance;
    private long? _restoringFrom;

    /// <summary>Set while undoing an import: figures go back to their earlier state, hand-edit mark included.</summary>
    internal bool KeepHandEditMarks { get; set; }

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<IndicatorDefinition> IndicatorDefinitions => Set<IndicatorDefinition>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();
    public DbSet<NarrativeSection> NarrativeSections => Set<NarrativeSection>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<ContentDraft> ContentDrafts => Set<ContentDraft>();
    public DbSet<ContentTranslation> ContentTranslations => Set<ContentTranslation>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<IndicatorMapping> IndicatorMappings => Set<IndicatorMapping>();
    public DbSet<MigrantStock> MigrantStocks => Set<MigrantStock>();
    public DbSet<StagedObservation> StagedObservations => Set<StagedObservation>();
    public DbSet<StagedMigrantStock> StagedMigrantStocks => Set<StagedMigrantStock>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The one place the provider, naming and seed are set: used by the app and by the dotnet-ef tools.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql
            .MigrationsHistoryTable("__ef_migrations_history")
            .ExecutionStrategy(dependencies => new PortalExecutionStrategy(dependencies)))
        .ReplaceService<IHistoryRepository, MigrationHistoryRepository>()
        .UseSnakeCaseNamingConvention()
        .UseAsyncSeeding(ProfileSeeder.SeedAsync)
        .UseSeeding((context, storeCreated) =>
            ProfileSeeder.SeedAsync(context, storeCreated, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>Statements a connection prepares once it has run them a few times: the most it keeps, unless the connection string says.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// Npgsql prepares a statement on the server once a connection has run it a few times, so PostgreSQL parses and plans
    /// the profile's queries once per connection rather than on every request; planning cost more than running them.
    /// A connection string that sets <c>Max Auto Prepare</c> itself (0 turns it off, e.g. behind a transaction-pooling
    /// proxy) is left as it is.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, so the keys written are read generically.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and records each content change (who, when, old and new values, the whole row) in the same
    /// transaction. A person's change also stamps the profile's latest-update date, unless they set it by hand.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (_author.UserId is not null && !KeepHandEditMarks)
        {
            MarkFiguresEditedByHand();
        }
        var pending = ContentHistory.Capture(ChangeTracker, _restoringFrom);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (_author.UserId is not null)
        {
            await StampLatestUpdateAsync(pending, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            return await SaveWithHistoryAsync(pending, acceptAllChangesOnSuccess, cancellationToken);
        }
        // Our own transaction runs inside the retrying execution strategy. It is retried only while nothing has been
        // saved yet (the first statement failed, so the change tracker is as it was); after that a lost connection is
        // reported, never half-retried.
        var saving = false;
        return await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            try
            {
                var saved = await SaveWithHistoryAsync(pending, acceptAllChangesOnSuccess, token, () => saving = true);
                await transaction.CommitAsync(token);
                return saved;
            }
            catch (Exception ex) when (saving && DatabaseErrors.IsUnavailable(ex))
            {
                throw new WriteInterruptedException(ex);
            }
        }, cancellationToken);
    }

    private async Task<int> SaveWithHistoryAsync(List<ContentHistory.PendingChange> pending, bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken, Action? contentSaved = null)
    {
        // Saved first so that new rows have their ids before their history is written.
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        contentSaved?.Invoke();
        var now = DateTimeOffset.UtcNow;
        ChangeRecords.AddRange(pending.Select(change => change.ToRecord(_author, now)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Puts back an item as a history record saw it: the row after that change, or before it for a delete
    /// (which brings a deleted item back). The restore is itself recorded.
    /// </summary>
    public async Task<IHistoryTracked?> RestoreAsync(ChangeRecord record, CancellationToken cancellationToken)
    {
        var type = ContentHistory.ContentType(this, record.EntityType);
        if (type is null)
        {
            return null;
        }
        var entityType = Model.FindEntityType(type)!;
        var entity = await FindAsync(type, [record.EntityId], cancellationToken);
        if (entity is null)
        {
            entity = Activator.CreateInstance(type)!;
            Entry(entity).Property(entityType.FindPrimaryKey()!.Properties[0].Name).CurrentValue = record.EntityId;
            Add(entity);
        }
        var entry = Entry(entity);
        foreach (var (field, text) in ContentHistory.ReadSnapshot(record))
        {
            if (entityType.FindProperty(field) is { } property && FieldValues.IsRecorded(property))
            {
                entry.Property(field).CurrentValue = FieldValues.FromText(text, property.ClrType);
            }
        }

        _restoringFrom = record.Id;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _restoringFrom = null;
        }
        return (IHistoryTracked)entity;
    }

    /// <summary>A person's save marks the figure, so a later import asks before overwriting it.</summary>
    private void MarkFiguresEditedByHand()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Observation>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified))))
        {
            entry.Entity.HandEditedAt = now;
        }
    }

    private async Task StampLatestUpdateAsync(List<ContentHistory.PendingChange> pending, CancellationToken cancellationToken)
    {
        var setByHand = pending.Any(change => change.Entry.Entity is Country
            && change.Entry.State == EntityState.Modified
            && change.Entry.Property(nameof(Country.LatestUpdate)).IsModified);
        if (setByHand)
        {
            return;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var countryIds = pending.Select(change => ((IHistoryTracked)change.Entry.Entity).HistoryCountryId)
            .OfType<int>().Where(id => id > 0).Distinct();
        foreach (var countryId in countryIds)
        {
            if (await Countries.FindAsync([countryId], cancellationToken) is { } country && country.LatestUpdate != today)
            {
                country.LatestUpdate = today;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads well to a researcher and survives reordering.
        configurationBuilder.Properties<IndicatorPanel>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<ValueKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SourceScope>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuthorityRole>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<PolicyDocumentKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MigrantSex>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ImportFormat>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ImportTrigger>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ImportRunStatus>().HaveConversion<string>().HaveMaxLength(20);
    }
}

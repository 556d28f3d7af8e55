using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>
/// One portal (real socket, real PostgreSQL) and one headless Chromium, shared by every browser test.
/// Chromium is the machine's (/usr/bin/chromium, installed by scripts/test.sh); Playwright downloads no browser.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Debian's Chromium; MP_CHROMIUM points elsewhere if a machine keeps it in another place.</summary>
    private static readonly string s_chromiumPath = Environment.GetEnvironmentVariable("MP_CHROMIUM") ?? "/usr/bin/chromium";

    private string _databaseName = "";
    private PortalServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Task<IReadOnlyList<PageScan>>? _pageScans;
    private Task<string>? _signedInState;

    /// <summary>
    /// How many pages the scans open at once, each in its own browser context. Much of a visit is waiting (on the
    /// portal, on Chromium's renderer, on axe), so a few at once finish sooner even on 2 cores. MP_SCAN_CONCURRENCY overrides.
    /// </summary>
    private static readonly int s_scanConcurrency =
        int.TryParse(Environment.GetEnvironmentVariable("MP_SCAN_CONCURRENCY"), out var concurrency) && concurrency > 0 ? concurrency : 3;

    public const string AdminEmail = "admin@browser-tests.example.org";
    public const string AdminPassword = "Browser-Tests-9-admin!";

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The portal has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(s_chromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {s_chromiumPath}. Run the tests with scripts/test.sh (it installs Debian's chromium) " +
                "or set MP_CHROMIUM to a Chromium binary. The tests never download a browser.");
        }
        // An empty database that the portal migrates and seeds as it starts, as on a fresh install. Not the seeded
        // template of TestDatabase: the other test project rebuilds that one in its own process at the same time.
        _databaseName = await TestDatabase.CreateEmptyAsync();
        _server = new PortalServer(_databaseName);
        _server.Start();
        await AddImportedFigureAsync();
        await AttachStoredPdfAsync();
        await AddDraftsAsync();
        await ImportPublisherSlicesAsync();
        // The first request to each page compiles it; do that here, not inside a test's time limits.
        using (var client = new HttpClient { BaseAddress = Address })
        {
            foreach (var path in PortalPages.Public.Select(p => p.Path).Append("/swagger/v1/swagger.json"))
            {
                using var response = await client.GetAsync(path);
            }
        }
        // Generous limits for a busy 2-core machine; a passing run never waits for them.
        Assertions.SetDefaultExpectTimeout(15_000);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = s_chromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A Kyrgyzstan figure as an importer writes it, with retrieval and publisher dates: a fresh install has no
    /// figures for the states other than Kazakhstan until the importers run, and the scans should see one.
    /// </summary>
    private async Task AddImportedFigureAsync()
    {
        await using var db = TestDatabase.OpenContext(_databaseName);
        db.Observations.Add(new Observation
        {
            Country = await db.Countries.SingleAsync(c => c.Slug == "kyrgyzstan"),
            Indicator = await db.IndicatorDefinitions.SingleAsync(i => i.Code == "population"),
            Source = await db.Sources.SingleAsync(s => s.ShortName == "World Bank"),
            PeriodYear = 2024,
            NumericValue = 7_221_868m,
            SourceUrl = "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KG",
            RetrievedAt = new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero),
            PublisherUpdatedOn = new DateOnly(2026, 6, 30),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A PDF on the second publication and on the fifth policy document (Law on Migration), as an editor's upload leaves
    /// them: the profile shows a file link with its type and size, and the edit pages show the current file.
    /// </summary>
    private async Task AttachStoredPdfAsync()
    {
        await using var db = TestDatabase.OpenContext(_databaseName);
        var content = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var file = new StoredFile
        {
            Content = content,
            ContentType = "application/pdf",
            FileName = "migration-profile-light-2015.pdf",
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
            UploadedBy = "System",
        };
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync();
        (await db.Publications.SingleAsync(p => p.Id == 2)).FileId = file.Id;
        (await db.PolicyDocuments.SingleAsync(p => p.Id == 5)).FileId = file.Id;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Two drafts in Kazakhstan for the preview and the edit pages that open them (ids 1 and 2): a change to the
    /// first publication that also attaches the stored PDF (published, it has no file), and a new authority, by an
    /// editor who is not the scanning admin.
    /// </summary>
    private async Task AddDraftsAsync()
    {
        await using var db = TestDatabase.OpenContext(_databaseName);
        var kazakhstan = await db.Countries.SingleAsync(c => c.Slug == "kazakhstan");
        var publication = await db.Publications.Where(p => p.CountryId == kazakhstan.Id).OrderBy(p => p.Id).FirstAsync();
        var storedPdf = await db.StoredFiles.Select(f => f.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        db.ContentDrafts.AddRange(
            new ContentDraft
            {
                CountryId = kazakhstan.Id,
                Kind = DraftKind.Publication,
                ItemId = publication.Id,
                ValuesJson = $$"""{"title":"{{publication.Title}} (revised edition)","publisher":"IOM","year":2026,"url":null,"version":{{publication.Version}}}""",
                Label = $"{publication.Title} (revised edition)",
                AuthorId = "browser-tests-editor",
                AuthorName = "A. Editor",
                CreatedAt = now,
                UpdatedAt = now,
                BasedOnVersion = publication.Version,
                FileId = storedPdf,
            },
            new ContentDraft
            {
                CountryId = kazakhstan.Id,
                Kind = DraftKind.Authority,
                ValuesJson = """{"role":2,"name":"Migration Service Centre","url":"https://www.gov.kz/","version":0}""",
                Label = "Migration Service Centre",
                AuthorId = "browser-tests-editor",
                AuthorName = "A. Editor",
                CreatedAt = now,
                UpdatedAt = now,
            });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Real publisher slices through the importers, for the researchers' pages: the World Bank's population of
    /// Kyrgyzstan and Uzbekistan, and UN DESA's 2024 origin × destination rows with Kazakhstan on either side
    /// (its 2024 totals equal the seeded figures, so the journeys' Kazakhstan values stay as seeded). No World Bank
    /// rows for Kazakhstan: they would make 2025 its shown population.
    /// </summary>
    private async Task ImportPublisherSlicesAsync()
    {
        // The third is left waiting for an editor, so the scans see a preview with its table of changes.
        (ImportFormat Format, string File, FileImportOptions Options, bool Apply)[] slices =
        [
            (ImportFormat.WorldBankCsv, "worldbank/SP.POP.TOTL_KGZ_UZB.csv", new FileImportOptions { IndicatorCode = "SP.POP.TOTL" }, true),
            (ImportFormat.UnDesaCsv, "undesa/ims2024_stock_by_destination_origin_sex_KAZ.csv", new FileImportOptions(), true),
            (ImportFormat.UnhcrCsv, "unhcr/population_KAZ.csv", new FileImportOptions(), false),
        ];
        foreach (var (format, file, options, apply) in slices)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", file);
            await using var scope = _server!.Services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            await using var content = File.OpenRead(path);
            var run = await runner.ImportFileAsync(
                new ImportRequest(format, Path.GetFileName(path), ImportTrigger.CommandLine, "command line")
                {
                    RetrievedAt = new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero),
                    PublisherUpdatedOn = new DateOnly(2026, 6, 30),
                },
                content, Path.GetFileName(path), options, applyNow: apply, CancellationToken.None);
            if (run.Status != (apply ? ImportRunStatus.Applied : ImportRunStatus.Previewed))
            {
                throw new InvalidOperationException($"{file} was not imported: {run.Status} {run.ProblemsJson}");
            }
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_databaseName.Length > 0)
        {
            await TestDatabase.DropAsync(_databaseName);
        }
    }

    /// <summary>
    /// A fresh browser tab (own cookies and cache) of the given width. Every request that is not for the portal
    /// is aborted, so nothing leaves the machine; a test may route such requests itself.
    /// </summary>
    /// <param name="storageState">Cookies and storage to start with, e.g. a signed-in admin's (see <see cref="SignedInStateAsync"/>).</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool phone = false, string? storageState = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            StorageState = storageState,
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        await context.RouteAsync(url => !IsPortal(url), route => route.AbortAsync("blockedbyclient"));
        return await context.NewPageAsync();
    }

    /// <summary>Signs the tab's browser context in through the real sign-in form, as the admin.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectPathAsync(page, "/admin");
    }

    /// <summary>
    /// Waits until the tab is at <paramref name="path"/> on the portal (any query string). A polling assertion, not
    /// <c>WaitForURLAsync</c>: that one then waits for the page's load event, and once in a while (seen in a full run, a
    /// known Playwright race) it misses an event that has already fired and times out on a loaded page.
    /// </summary>
    public static Task ExpectPathAsync(IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$"));

    /// <summary>Every listed page scanned once (HTML, policy violations, axe), shared by the quality tests.</summary>
    public Task<IReadOnlyList<PageScan>> PageScansAsync() => _pageScans ??= ScanAllPagesAsync();

    /// <summary>
    /// Each page in a fresh browser context, a few at once; the signed-in pages start from the cookies of one real
    /// sign-in (a sign-in per page would cost a password hash and a form round trip each, and test nothing more:
    /// the sign-in page is scanned itself, and the journeys sign in through the form).
    /// </summary>
    private async Task<IReadOnlyList<PageScan>> ScanAllPagesAsync()
    {
        var signedIn = await SignedInStateAsync();
        var scans = new PageScan[PortalPages.All.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scans.Length),
            new ParallelOptions { MaxDegreeOfParallelism = s_scanConcurrency },
            async (i, _) =>
            {
                var target = PortalPages.All[i];
                scans[i] = await PageScan.RunAsync(this, target, target.SignedIn ? signedIn : null);
            });
        return scans;
    }

    /// <summary>
    /// The browser state (cookies) of the admin after signing in once through the real sign-in form, for tests that
    /// check signed-in pages rather than signing in (<see cref="NewPageAsync"/>'s storageState).
    /// </summary>
    public Task<string> SignedInStateAsync() => _signedInState ??= SignInOnceAsync();

    private async Task<string> SignInOnceAsync()
    {
        var page = await NewPageAsync();
        await using var context = page.Context;
        await SignInAsync(page);
        return await context.StorageStateAsync();
    }

    /// <summary>Opens a listed page in a fresh tab (see <see cref="GoToAsync"/>).</summary>
    public async Task<IPage> OpenAsync(PortalPage target, int width = 1280)
    {
        var page = await NewPageAsync(width);
        if (target.SignedIn)
        {
            await SignInAsync(page);
        }
        await GoToAsync(page, target);
        return page;
    }

    /// <summary>Goes to a listed page and checks it answered with its status at its own address.</summary>
    public static async Task GoToAsync(IPage page, PortalPage target, WaitUntilState waitUntil = WaitUntilState.Load)
    {
        var response = await page.GotoAsync(target.Path, new() { WaitUntil = waitUntil });
        Assert.True(response is not null, $"{target}: no response");
        Assert.True(response.Status == target.Status, $"{target}: answered {response.Status}");
        // A redirect (e.g. to sign-in) would check the wrong page.
        Assert.Equal(target.Path, new Uri(page.Url).PathAndQuery);
    }

    public bool IsPortal(string url) => url.StartsWith(Address.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal);

    /// <summary>The repository's root (where MigrationProfile.sln is), for files the tests write such as screenshots.</summary>
    public static string RepositoryRoot =>
        typeof(PortalFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>
    /// Where a screenshot is written: TestResults/screenshots, or the README's docs/screenshots when
    /// MP_UPDATE_SCREENSHOTS=1. Chromium's pictures differ by a few pixels between runs, so a plain test run
    /// writing into docs/ would leave the working tree changed every time.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("MP_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot, "docs", "screenshots")
            : Path.Combine(RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in a browser";
}

using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Api;
using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Files;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;
using MigrationProfile.Web.Security;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalSecurityHeaders();
builder.AddPortalAbuseLimits();
if (ImportCommand.IsImport(args))
{
    // The command line prints its own report; the log keeps to warnings.
    builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
    builder.Configuration["Database:MigrateOnStartup"] = "false";
}

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    // A request never waits for the console (a slow log collector on stdout, thousands of request lines a second):
    // lines are written from a queue on another thread; only when 10 000 are waiting does logging wait, so none is lost.
    .WriteTo.Async(sink => sink.Console(), blockWhenFull: true),
    // Each host logs through its own logger, not Serilog's static Log.Logger: with the static one, a second host in
    // the process (the tests start many) took over the first one's log, and disposing either silenced both.
    // The host still disposes its logger when it stops, which flushes the queue.
    preserveStaticLogger: true);

var connectionString = builder.Configuration.GetConnectionString("MigrationProfile")
    ?? throw new InvalidOperationException(
        "Connection string 'MigrationProfile' is not set. Set ConnectionStrings__MigrationProfile, e.g. " +
        "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=migrationprofile\".");

builder.Services.AddPortalCaching(builder.Configuration);
// Every save through the context passes the interceptor, which evicts the cached answers the write changed.
// The options are built once, not per request: the interceptor is a singleton and nothing else in them varies.
builder.Services.AddDbContext<AppDbContext>((services, options) => AppDbContext.Configure(options, connectionString)
    .AddInterceptors(services.GetRequiredService<ContentChangeInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);

builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.SectionName));
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

builder.Services.AddImporting(builder.Configuration);

// English and Russian (and any language added in configuration): URL prefix, interface text, numbers and dates.
builder.Services.AddPortalLanguages(builder.Configuration);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<CountryProfileQuery>();
builder.Services.AddScoped<IndicatorSeriesQuery>();
builder.Services.AddScoped<MigrantStockQuery>();

builder.Services.Configure<FileUploadOptions>(builder.Configuration.GetSection(FileUploadOptions.SectionName));
builder.Services.AddScoped<FileUploads>();

builder.Services.AddAccounts(builder.Environment, builder.Configuration);
// Several instances: cookies readable by every instance, and (with Redis:Configuration) one output cache for all.
builder.Services.AddSharedDataProtection();
builder.Services.AddSharedOutputCacheStore(builder.Configuration);
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddRazorPages(options =>
{
    // One rule for the whole admin area; account management is for admins only.
    options.Conventions.AuthorizeFolder("/Admin", Policies.Editor);
    options.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admin);
    options.Conventions.AuthorizeFolder("/Account", Policies.Editor);
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    // Public pages are the same for everyone: cached, compressed, with ETags. Admin, account and error pages are not.
    options.Conventions.AddFolderApplicationModelConvention("/", page =>
    {
        if (!page.ViewEnginePath.StartsWith("/Admin", StringComparison.Ordinal)
            && !page.ViewEnginePath.StartsWith("/Account", StringComparison.Ordinal)
            && page.ViewEnginePath != "/Error")
        {
            page.EndpointMetadata.Add(PublicContent.Instance);
            page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PublicContent.PolicyName });
        }
    });
    // A save during a database outage answers with the editor's input kept and a clear message.
    options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new DatabaseOutageFilter()));
}).AddDataAnnotationsLocalization();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // Russian and every other script readable as they are; the HTML-sensitive characters (< > & ') still escaped.
    options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});
builder.Services.AddOpenDataApi();

var app = builder.Build();

if (ImportCommand.IsImport(args))
{
    // Disposing the app flushes the log's queue, so a failure's details are written before the process ends.
    await using (app)
    {
        return await ImportCommand.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
    }
}

app.UsePortalSecurityHeaders();
app.UsePortalLanguages();
// Through this host's logger: the middleware would otherwise write to Serilog's static logger, which this host leaves unset.
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UsePortalAbuseLimits();

// A person never sees a stack trace: the API answers with ProblemDetails, pages with a friendly page.
// A database outage is a 503 ("try again shortly"), a bad request its 4xx, anything else a 500.
var exceptionOptions = new ExceptionHandlerOptions
{
    // A body over the size limit or text the database cannot store is the request's fault, said as such (413, 400).
    StatusCodeSelector = exception => BadInputErrors.StatusCodeFor(exception) ?? (DatabaseErrors.IsUnavailable(exception)
        ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError),
};
app.UseWhen(IsApiRequest, api =>
{
    api.UseExceptionHandler(exceptionOptions);
    api.UseStatusCodePages();
});
app.UseWhen(context => !IsApiRequest(context), pages =>
{
    if (app.Environment.IsDevelopment())
    {
        pages.UseDeveloperExceptionPage();
    }
    else
    {
        pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exceptionOptions.StatusCodeSelector,
        });
    }
    pages.UseStatusCodePagesWithReExecute("/error/{0}");
});

app.UseRouting();
app.UsePortalRequestSizeLimits();
// Only endpoints that ask for a policy get CORS headers: the open data API does (OpenDataApi.CorsPolicy), pages and admin do not.
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalCaching();

app.UseSwagger();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/swagger/v1/swagger.json", "MigrationProfile API v1");
    options.DocumentTitle = "MigrationProfile API";
    options.InjectStylesheet("/css/swagger-ui-overrides.css");
    options.InjectJavascript("/js/swagger-ui-labels.js");
});

app.MapHealthChecks("/health");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapOpenDataApi();
app.MapDownloads();
app.MapChangeLogFeed();
app.MapFiles();
app.MapLanguageOffer();

app.Run();
return 0;

static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

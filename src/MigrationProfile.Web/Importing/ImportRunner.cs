using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Web.Importing;

/// <summary>What the person or program asked for beyond the file itself.</summary>
public sealed record FileImportOptions
{
    /// <summary>World Bank CSV: the WDI code when the file name does not carry it ("SP.POP.TOTL").</summary>
    public string? IndicatorCode { get; init; }

    /// <summary>UN DESA: the edition when the file name does not carry it.</summary>
    public string? Edition { get; init; }
}

/// <summary>
/// The one code path every import takes, whoever starts it (an editor's upload, the command line, the schedule,
/// the first start): read, match and stage; then apply at once, or leave the run for an editor's preview.
/// </summary>
public sealed class ImportRunner(AppDbContext db, ImportStaging staging, ImportApplying applying)
{
    /// <summary>The formats a file can be in, by the names the command line and the upload form use.</summary>
    public static readonly IReadOnlyDictionary<string, ImportFormat> FileFormats = new Dictionary<string, ImportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["worldbank"] = ImportFormat.WorldBankCsv,
        ["unhcr"] = ImportFormat.UnhcrCsv,
        ["undesa"] = ImportFormat.UnDesaCsv,
        ["csv"] = ImportFormat.PortalCsv,
    };

    /// <summary>Reads a file in one of the <see cref="FileFormats"/>; a refused file stages nothing.</summary>
    public async Task<ImportRun> ImportFileAsync(ImportRequest request, Stream content, string fileName, FileImportOptions options,
        bool applyNow, CancellationToken cancellationToken)
    {
        var read = new ReadResult();
        var input = await InputStreams.OpenAsync(content, cancellationToken);
        var edition = request.Edition;
        switch (request.Format)
        {
            case ImportFormat.WorldBankCsv:
                var code = options.IndicatorCode ?? WorldBankCsvReader.IndicatorCodeFromFileName(fileName);
                if (code is null)
                {
                    read.Reject("the file name", $"\"{fileName}\" does not name a World Bank indicator (e.g. SP.POP.TOTL.csv): choose the indicator");
                    break;
                }
                await WorldBankCsvReader.ReadAsync(input, code, read, cancellationToken);
                break;
            case ImportFormat.UnhcrCsv:
                var unhcr = new UnhcrPopulationReader();
                await unhcr.AddCsvAsync(input, cancellationToken);
                unhcr.Finish(read);
                break;
            case ImportFormat.UnDesaCsv:
                edition = options.Edition ?? UnDesaStockReader.EditionFromFileName(fileName) ?? "";
                if (edition.Length == 0)
                {
                    read.Reject("the file name", $"\"{fileName}\" does not say which edition it is (ims2024_... or ims2020_...): choose the edition");
                    break;
                }
                await UnDesaStockReader.ReadAsync(input, read, cancellationToken);
                break;
            case ImportFormat.PortalCsv:
                await PortalCsv.ReadAsync(input, read, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Format, "not a file format");
        }
        return await ImportAsync(request with { Edition = edition }, read, applyNow, cancellationToken);
    }

    /// <summary>Stages what a reader got (from a file or a publisher's API) and, if asked, applies it in the same transaction.</summary>
    public async Task<ImportRun> ImportAsync(ImportRequest request, ReadResult read, bool applyNow, CancellationToken cancellationToken)
    {
        if (!applyNow)
        {
            return await staging.StageAsync(request, read, cancellationToken);
        }
        return await db.Database.InTransactionAsync(async token =>
        {
            var run = await staging.StageAsync(request, read, token);
            if (run.Status == ImportRunStatus.Previewed)
            {
                // Nobody is there to decide on conflicts: figures people changed by hand are kept and counted.
                run = (await applying.ApplyAsync(run.Id, new HashSet<long>(), token)).Run;
            }
            return run;
        }, cancellationToken);
    }
}

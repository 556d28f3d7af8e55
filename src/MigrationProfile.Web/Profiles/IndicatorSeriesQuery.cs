using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Web.Profiles;

public sealed record CountryRef(string Slug, string Name, string Iso3Code, string Region);

public sealed record IndicatorRef(string Code, string Name, string? Description, ValueKind ValueKind, string? Unit);

/// <summary>An import run as the public may read it: number, format, file or address, and date (no admin link).</summary>
public sealed record ImportRunRef(int Id, string Format, string Origin, DateOnly Date);

/// <summary>
/// One line of the indicator page: every figure of one source, series and edition, with where and when it
/// was taken, so a researcher can check each line at its publisher.
/// </summary>
/// <param name="Url">The series' own page at its publisher, else the publisher's home page, else null.</param>
/// <param name="FiguresByHand">Figures that no import wrote: entered by an editor or seeded by hand.</param>
public sealed record SeriesLine(
    SeriesColumn Column,
    SourceView Source,
    string Series,
    string Edition,
    string? Url,
    DateOnly? LatestRetrieval,
    DateOnly? PublisherUpdatedOn,
    IReadOnlyList<ImportRunRef> ImportRuns,
    int FiguresByHand);

public sealed record IndicatorHistory(CountryRef Country, IndicatorRef Indicator, IReadOnlyList<SeriesLine> Lines);

/// <summary>The lines of a comparison: the one series shown for every chosen country.</summary>
public sealed record Comparison(IndicatorRef Indicator, SourceView? Source, string Series, string Edition,
    IReadOnlyList<ComparedCountry> Lines);

public sealed record ComparedCountry(CountryRef Country, SeriesColumn Column);

/// <summary>Reads an indicator's whole time series for a country, or one series across countries.</summary>
public sealed class IndicatorSeriesQuery(AppDbContext db)
{
    public Task<List<CountryRef>> CountriesAsync(CancellationToken cancellationToken) =>
        db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountryRef(c.Slug, c.Name, c.Iso3Code, c.Region))
            .ToListAsync(cancellationToken);

    public Task<List<IndicatorRef>> IndicatorsAsync(CancellationToken cancellationToken) =>
        db.IndicatorDefinitions.AsNoTracking().OrderBy(i => i.Panel).ThenBy(i => i.SortOrder).ThenBy(i => i.Name)
            .Select(i => new IndicatorRef(i.Code, i.Name, i.Description, i.ValueKind, i.Unit))
            .ToListAsync(cancellationToken);

    /// <summary>Null when the country or indicator is unknown, or the country has no figure for it.</summary>
    public async Task<IndicatorHistory?> GetAsync(string slug, string code, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new CountryRef(c.Slug, c.Name, c.Iso3Code, c.Region)).SingleOrDefaultAsync(cancellationToken);
        var indicator = await db.IndicatorDefinitions.AsNoTracking().Where(i => i.Code == code)
            .Select(i => new IndicatorRef(i.Code, i.Name, i.Description, i.ValueKind, i.Unit)).SingleOrDefaultAsync(cancellationToken);
        if (country is null || indicator is null)
        {
            return null;
        }
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.Country.Slug == slug && o.Indicator.Code == code)
            .Select(o => new ObservationRow(
                o.Source.ShortName, o.Source.FullName, o.Source.HomepageUrl, o.Source.Scope, o.Series, o.Edition,
                o.PeriodYear, o.PeriodQuarter, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                o.SourceUrl, o.RetrievedAt, o.PublisherUpdatedOn,
                o.ImportRun == null ? null : new RunRow(o.ImportRun.Id, o.ImportRun.Format, o.ImportRun.Origin, o.ImportRun.StartedAt)))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var lines = rows
            .GroupBy(r => (r.ShortName, r.Series, r.Edition))
            .OrderBy(g => g.First().Scope)
            .ThenBy(g => g.Key.ShortName, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Series, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Edition, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var name = string.Join(" · ", new[] { g.Key.ShortName, g.Key.Series, g.Key.Edition }.Where(p => p.Length > 0));
                // The series page the importer recorded most often (they agree within a series), else the publisher's home page.
                var url = g.Where(r => r.SourceUrl is not null).GroupBy(r => r.SourceUrl).OrderByDescending(u => u.Count())
                    .Select(u => u.Key).FirstOrDefault() ?? first.HomepageUrl;
                return new SeriesLine(
                    new SeriesColumn(name, [.. g.OrderBy(r => r.Year is null).ThenBy(r => r.Year).ThenBy(r => r.Quarter ?? 0)
                        .Select(r => ToValue(indicator, r))]),
                    new SourceView(first.ShortName, first.FullName, first.HomepageUrl, first.Scope),
                    g.Key.Series, g.Key.Edition, url,
                    g.Max(r => r.RetrievedAt) is DateTimeOffset retrieved ? FigureFormatter.UtcDay(retrieved) : null,
                    g.Max(r => r.PublisherUpdatedOn),
                    [.. g.Where(r => r.Run is not null).Select(r => r.Run!).DistinctBy(r => r.Id).OrderBy(r => r.Id)
                        .Select(r => new ImportRunRef(r.Id, ImportSources.Title(r.Format), r.Origin, FigureFormatter.UtcDay(r.StartedAt)))],
                    g.Count(r => r.Run is null));
            })
            .ToList();
        return new IndicatorHistory(country, indicator, lines);
    }

    /// <summary>
    /// The indicator's international series that covers the most countries (e.g. the World Bank's population),
    /// for each chosen country in the order given; a country without figures in it keeps an empty line.
    /// </summary>
    public async Task<Comparison?> CompareAsync(string code, IReadOnlyList<CountryRef> countries, CancellationToken cancellationToken)
    {
        var indicator = await db.IndicatorDefinitions.AsNoTracking().Where(i => i.Code == code)
            .Select(i => new IndicatorRef(i.Code, i.Name, i.Description, i.ValueKind, i.Unit)).SingleOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return null;
        }
        var widest = await db.Observations.AsNoTracking()
            .Where(o => o.Indicator.Code == code && o.Source.Scope == SourceScope.International && o.NumericValue != null)
            .GroupBy(o => new { o.SourceId, o.Series, o.Edition })
            .Select(g => new { g.Key.SourceId, g.Key.Series, g.Key.Edition, Countries = g.Select(o => o.CountryId).Distinct().Count(), Figures = g.Count() })
            .OrderByDescending(g => g.Countries).ThenByDescending(g => g.Edition).ThenByDescending(g => g.Figures)
            .FirstOrDefaultAsync(cancellationToken);
        if (widest is null)
        {
            return new Comparison(indicator, null, "", "", [.. countries.Select(c => new ComparedCountry(c, new SeriesColumn(c.Name, [])))]);
        }
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == widest.SourceId)
            .Select(s => new SourceView(s.ShortName, s.FullName, s.HomepageUrl, s.Scope)).SingleAsync(cancellationToken);
        var slugs = countries.Select(c => c.Slug).ToList();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.Indicator.Code == code && o.SourceId == widest.SourceId && o.Series == widest.Series
                && o.Edition == widest.Edition && slugs.Contains(o.Country.Slug))
            .Select(o => new
            {
                o.Country.Slug,
                Row = new ObservationRow(
                "", "", null, SourceScope.International, o.Series, o.Edition,
                o.PeriodYear, o.PeriodQuarter, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                null, null, null, null)
            })
            .ToListAsync(cancellationToken);
        var byCountry = rows.ToLookup(r => r.Slug, r => r.Row);
        return new Comparison(indicator, source, widest.Series, widest.Edition, [.. countries.Select(c => new ComparedCountry(c, new SeriesColumn(c.Name,
            [.. byCountry[c.Slug].OrderBy(r => r.Year is null).ThenBy(r => r.Year).ThenBy(r => r.Quarter ?? 0).Select(r => ToValue(indicator, r))])))]);
    }

    private static SeriesValue ToValue(IndicatorRef indicator, ObservationRow r)
    {
        var (display, _) = FigureFormatter.Value(indicator.ValueKind, indicator.Unit, r.NumericValue, r.BooleanValue,
            r.TextValue, r.Qualifier, r.Currency);
        return new SeriesValue(r.Year, r.Quarter, r.NumericValue, display);
    }

    private sealed record RunRow(int Id, ImportFormat Format, string Origin, DateTimeOffset StartedAt);

    private sealed record ObservationRow(
        string ShortName, string FullName, string? HomepageUrl, SourceScope Scope, string Series, string Edition,
        int? Year, int? Quarter, decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string? Currency,
        string? SourceUrl, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn, RunRow? Run);
}

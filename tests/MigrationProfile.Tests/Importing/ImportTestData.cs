using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Tests.Importing;

/// <summary>Files and small helpers the import tests share.</summary>
internal static class ImportTestData
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pipeline", name);

    public static byte[] FixtureBytes(string name) => File.ReadAllBytes(Fixture(name));

    /// <summary>A stored figure by its key parts (edition "" and yearly unless said).</summary>
    public static Task<Observation?> FigureAsync(AppDbContext db, string iso3, string indicator, string source, int year,
        string edition = "", string series = "") =>
        db.Observations.AsNoTracking().SingleOrDefaultAsync(o => o.Country.Iso3Code == iso3 && o.Indicator.Code == indicator
            && o.Source.ShortName == source && o.PeriodYear == year && o.PeriodQuarter == null && o.Edition == edition && o.Series == series);

    /// <summary>A person saving through the admin pages, for tests that change a figure by hand.</summary>
    public sealed class Editor : IChangeAuthor
    {
        public string? UserId => "test-editor-id";

        public string Name => "editor@tests.example.org";
    }
}

using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>What the _SeriesTable partial shows: a chart's figures as a table, periods down, lines across.</summary>
public sealed record SeriesTableModel(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<SeriesTableRow> Rows);

using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>What the _SeriesTable partial shows: a chart's figures as a table, periods down, lines across.</summary>
/// <param name="Caption">The table's caption: a sentence whose content (an indicator's, a country's name) is marked with
/// its language where it fell back to English (<see cref="Localization.ContentHtml"/>). It also names the scrolling region.</param>
public sealed record SeriesTableModel(IHtmlContent Caption, IReadOnlyList<string> Columns, IReadOnlyList<SeriesTableRow> Rows);

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Api;

/// <summary>What the figures measure: the codes GET /api/v1/observations filters on.</summary>
public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/indicators").WithTags("Indicators");

        group.MapGet("/", ListIndicators)
            .WithName("ListIndicators")
            .WithSummary("Indicators the figures measure")
            .WithDescription("Each indicator's code (the indicator parameter of GET /api/v1/observations), name, description, " +
                "unit, value kind (Count, Percent, Money, Area, Years, YesNo, Text) and the profile panel it is shown in, " +
                "in the order of the profile page, and the reconciliation note where editors explained why sources' figures differ.");

        return group;
    }

    private static async Task<Ok<List<IndicatorResponse>>> ListIndicators(AppDbContext db, CancellationToken cancellationToken)
    {
        var indicators = await db.IndicatorDefinitions.AsNoTracking()
            .OrderBy(i => i.Panel).ThenBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Code, i.Name, i.Description, i.Unit, i.ValueKind, i.Panel, i.ReconciliationNote })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(indicators
            .Select(i => new IndicatorResponse(i.Code, i.Name, i.Description, i.Unit, i.ValueKind, i.Panel, DisplayText.PanelTitle(i.Panel), i.ReconciliationNote))
            .ToList());
    }
}

/// <summary>What is measured, independent of who measured it and when.</summary>
/// <param name="Code">Stable key, e.g. "population": the indicator parameter of GET /api/v1/observations.</param>
/// <param name="Name">As the profile names it, e.g. "Population".</param>
/// <param name="Description">What exactly is counted; null where not written.</param>
/// <param name="Unit">Unit written after the value, e.g. "%", "km²"; null for plain counts.</param>
/// <param name="ValueKind">How values are stored and written: Count, Percent, Money, Area, Years, YesNo or Text.</param>
/// <param name="Panel">The profile panel the indicator is shown in.</param>
/// <param name="PanelTitle">The panel's heading on the page, e.g. "Population and labour".</param>
/// <param name="ReconciliationNote">Why sources' figures for the indicator differ (what each one counts), as editors wrote
/// it; the profile shows it where an international and a national figure differ. Null where none is written.</param>
public sealed record IndicatorResponse(string Code, string Name, string? Description, string? Unit, ValueKind ValueKind,
    IndicatorPanel Panel, string PanelTitle, string? ReconciliationNote);

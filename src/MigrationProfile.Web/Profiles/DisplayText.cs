using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

/// <summary>Interface wording for the profile's fixed categories, kept in one place so a translation can sit beside it.</summary>
public static class DisplayText
{
    /// <summary>Heads an indicator's reconciliation note, beside the figures it explains.</summary>
    public const string ReconciliationNoteLead = "Why the figures differ:";

    /// <summary>Heads the timeline of adoption and amendment years beside the policy documents.</summary>
    public const string PolicyTimelineTitle = "Adopted and amended, by year";

    public static string PolicyMilestoneTitle(PolicyMilestoneKind kind) => kind switch
    {
        PolicyMilestoneKind.Adopted => "Adopted",
        PolicyMilestoneKind.Amended => "Last amended",
        _ => kind.ToString(),
    };

    public static string PanelTitle(IndicatorPanel panel) => panel switch
    {
        IndicatorPanel.PopulationAndLabour => "Population and labour",
        IndicatorPanel.MigrantStocksAndFlows => "Migrant stocks and flows",
        IndicatorPanel.RefugeesAndAsylum => "Refugees, asylum seekers and IDPs",
        IndicatorPanel.Citizenship => "Citizenship",
        IndicatorPanel.EconomyAndTerritory => "Economy and territory",
        _ => panel.ToString(),
    };

    /// <summary>A region's heading in the country list; the stored name where it reads well as it is.</summary>
    public static string RegionTitle(string region) => region switch
    {
        "EU" => "European Union",
        "Schengen Area" => "Schengen Area, outside the EU",
        "" => "Other countries",
        _ => region,
    };

    public static string AuthorityRoleTitle(AuthorityRole role) => role switch
    {
        AuthorityRole.ResponsibleBody => "Responsible Body",
        AuthorityRole.LineMinistry => "Line Ministries",
        AuthorityRole.Agency => "Agencies",
        _ => role.ToString(),
    };

    public static string ValueKindTitle(ValueKind kind) => kind switch
    {
        ValueKind.Count => "count",
        ValueKind.Percent => "percent",
        ValueKind.Money => "money",
        ValueKind.Area => "area",
        ValueKind.Years => "years",
        ValueKind.YesNo => "yes/no",
        ValueKind.Text => "text",
        _ => kind.ToString(),
    };

    public static string PolicyDocumentKindTitle(PolicyDocumentKind kind) => kind switch
    {
        PolicyDocumentKind.Law => "Law",
        PolicyDocumentKind.Strategy => "Strategy",
        PolicyDocumentKind.Concept => "Concept",
        PolicyDocumentKind.Plan => "Plan",
        PolicyDocumentKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string SourceScopeTitle(SourceScope scope) => scope switch
    {
        SourceScope.International => "International source",
        SourceScope.National => "National source",
        SourceScope.Regional => "Regional source",
        _ => scope.ToString(),
    };
}

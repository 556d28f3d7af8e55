namespace MigrationProfile.Web.Accounts;

/// <summary>The two kinds of account. Admins do everything editors do, and manage accounts.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];
}

public static class Policies
{
    /// <summary>Editors and admins: every page under /admin.</summary>
    public const string Editor = "Editor";

    /// <summary>Admins only: account management.</summary>
    public const string Admin = "Admin";
}

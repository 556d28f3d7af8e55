using System.Security.Claims;

namespace MigrationProfile.Web.Data.History;

/// <summary>Who is making the changes being saved: a signed-in person, or the system.</summary>
public interface IChangeAuthor
{
    /// <summary>Identity user id; null for the system.</summary>
    string? UserId { get; }

    string Name { get; }
}

/// <summary>The signed-in person of the current request, else the system.</summary>
public sealed class HttpChangeAuthor(IHttpContextAccessor accessor) : IChangeAuthor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => User?.Identity?.Name ?? SystemChangeAuthor.Instance.Name;
}

public sealed class SystemChangeAuthor : IChangeAuthor
{
    public static readonly SystemChangeAuthor Instance = new();

    public string? UserId => null;

    public string Name => "System";
}

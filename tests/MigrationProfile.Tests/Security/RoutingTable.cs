using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationProfile.Tests.Security;

/// <summary>One route of the running portal, as its routing table has it, with the parameters it declares.</summary>
public sealed record PortalRoute(RouteEndpoint Endpoint, IReadOnlyList<string> Methods, IReadOnlyList<string> RouteParameters,
    IReadOnlyList<string> QueryParameters, bool IsPage, bool HasPostHandler)
{
    public string Pattern => "/" + Endpoint.RoutePattern.RawText?.TrimStart('/');

    public bool Answers(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>The path with <paramref name="values"/> (already escaped) in the route parameters; optional ones left out when missing.</summary>
    public string Path(IReadOnlyDictionary<string, string> values)
    {
        var segments = new List<string>();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value) ? value : "",
                _ => "",
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }
        return "/" + string.Join('/', segments);
    }

    /// <summary>The Razor page behind the route ("/Admin/Authorities/Index" for both "/Admin/Authorities" and
    /// "/Admin/Authorities/Index"), or null for an endpoint that is not a page.</summary>
    public string? PageName => Endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;

    public override string ToString() => $"{string.Join(',', Methods)} {Pattern}";
}

/// <summary>
/// Reads every route from the test host's <see cref="EndpointDataSource"/>, so a route added to the portal is walked
/// without being listed. Query parameters come from the endpoint itself: a minimal API handler's simple parameters
/// that are not in the route, a Razor page's GET-bound properties and its OnGet handler's parameters.
/// </summary>
public static class RoutingTable
{
    private static readonly Type[] s_simpleTypes =
    [
        typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(bool), typeof(DateOnly),
        typeof(DateTime), typeof(DateTimeOffset), typeof(Guid),
    ];

    public static async Task<IReadOnlyList<PortalRoute>> ReadAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pageLoader = services.GetRequiredService<PageLoader>();
        var routes = new List<PortalRoute>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [];
            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var query = new List<string>();
            var isPage = false;
            var hasPost = false;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                isPage = true;
                var compiled = page as CompiledPageActionDescriptor ?? await pageLoader.LoadAsync(page, endpoint.Metadata);
                hasPost = compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase));
                foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    var bind = property.Property.GetCustomAttribute<BindPropertyAttribute>();
                    if (bind?.SupportsGet == true)
                    {
                        query.AddRange(Names(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType));
                    }
                }
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)))
                {
                    foreach (var parameter in handler.Parameters)
                    {
                        query.AddRange(Names(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType));
                    }
                    if (handler.Name is { Length: > 0 })
                    {
                        query.Add("handler");
                    }
                }
            }
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
            {
                query.AddRange(handler.GetParameters()
                    .Where(p => p.Name is not null && IsSimple(p.ParameterType)
                        && p.GetCustomAttribute<FromServicesAttribute>() is null)
                    .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!));
            }
            routes.Add(new PortalRoute(endpoint, methods, routeParameters,
                [.. query.Distinct(StringComparer.OrdinalIgnoreCase).Where(q => !routeParameters.Contains(q, StringComparer.OrdinalIgnoreCase))],
                isPage, hasPost));
        }
        return routes;
    }

    /// <summary>The route a path (without query) is served by, the most specific when several templates match.</summary>
    public static PortalRoute? Match(IEnumerable<PortalRoute> routes, string path, string method = "GET") =>
        routes.Where(r => r.Answers(method) && Matches(r, path))
            .OrderBy(r => r.Endpoint.Order)
            .ThenByDescending(r => r.Endpoint.RoutePattern.InboundPrecedence)
            .FirstOrDefault();

    private static bool Matches(PortalRoute route, string path)
    {
        var matcher = new TemplateMatcher(new RouteTemplate(route.Endpoint.RoutePattern), new RouteValueDictionary(route.Endpoint.RoutePattern.Defaults));
        var values = new RouteValueDictionary();
        if (!matcher.TryMatch(new PathString(path), values))
        {
            return false;
        }
        // Only the int constraints matter for telling this portal's routes apart.
        return route.Endpoint.RoutePattern.ParameterPolicies.All(policy =>
            !policy.Value.Any(p => p.Content is "int" or "int?")
            || values[policy.Key] is null || int.TryParse(values[policy.Key]?.ToString(), out _));
    }

    private static bool IsSimple(Type type) => s_simpleTypes.Contains(Nullable.GetUnderlyingType(type) ?? type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    /// <summary>A simple value's own name; a complex one's simple properties as "Name.Property".</summary>
    private static IEnumerable<string> Names(string name, Type type) => IsSimple(type)
        ? [name]
        : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsSimple(p.PropertyType)).Select(p => $"{name}.{p.Name}");
}

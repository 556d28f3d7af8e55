using System.Globalization;

namespace MigrationProfile.Web.Api;

/// <summary>Where a page sits in the whole list, with links (path and query, relative to the server) to its neighbours.</summary>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Items per page asked for.</param>
/// <param name="Total">Items matching the filters, on all pages.</param>
/// <param name="TotalPages">Number of pages at this page size; 0 when nothing matches.</param>
/// <param name="Next">The next page's address; null on the last page.</param>
/// <param name="Previous">The previous page's address; null on the first page.</param>
public sealed record Paging(int Page, int PageSize, int Total, int TotalPages, string? Next, string? Previous)
{
    public static Paging For(HttpRequest request, PageRequest page, int total)
    {
        var totalPages = (int)((total + (long)page.PageSize - 1) / page.PageSize);
        return new Paging(page.Page, page.PageSize, total, totalPages,
            page.Page < totalPages ? LinkTo(request, page.Page + 1) : null,
            page.Page > 1 && totalPages > 0 ? LinkTo(request, Math.Min(page.Page - 1, totalPages)) : null);
    }

    /// <summary>The same request with another page number; every other parameter kept as sent.</summary>
    private static string LinkTo(HttpRequest request, int page) =>
        request.PathBase + request.Path + QueryString.Create(ParametersButPage(request)
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The request's query parameters as sent, less the page number.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ParametersButPage(HttpRequest request) => request.Query
        .Where(parameter => !string.Equals(parameter.Key, "page", StringComparison.OrdinalIgnoreCase))
        .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)));
}

/// <summary>A page of a long list.</summary>
public sealed record Page<T>(Paging Paging, IReadOnlyList<T> Items);

/// <summary>A page of figures, with how to cite them.</summary>
/// <param name="Citation">How to cite these figures: their publishers, then this portal and the request.</param>
/// <param name="Paging">Where this page sits in the whole list.</param>
/// <param name="Items">The rows on this page.</param>
public sealed record DataPage<T>(string Citation, Paging Paging, IReadOnlyList<T> Items);

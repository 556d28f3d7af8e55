using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace MigrationProfile.Web.Files;

/// <summary>
/// Lets a page's form carry a file of the configured size (Files:MaxUploadBytes) and then some: a file up to twice the
/// limit still reaches <see cref="FileUploads"/>, which refuses it with a message beside the field and keeps the rest
/// of the form. Set before model binding reads the form, as [RequestSizeLimit] and [RequestFormLimits] do.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IResourceFilter, IOrderedFilter
{
    /// <summary>Before MVC's own request limit filters, so these win.</summary>
    public int Order => 850;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        var requestLimit = RequestLimit(http.RequestServices);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = requestLimit;
        }
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = requestLimit }));
        }
    }

    /// <summary>The largest request a page with this attribute takes: twice the file limit, and room for the form's text.</summary>
    public static long RequestLimit(IServiceProvider services) =>
        services.GetRequiredService<IOptions<FileUploadOptions>>().Value.MaxUploadBytes * 2 + 1_000_000;

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}

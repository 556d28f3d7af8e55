using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Npgsql;

namespace MigrationProfile.Web.Security;

/// <summary>
/// Input the portal cannot use is the sender's mistake, answered with a 4xx or a message beside the field, never a 500.
/// </summary>
public static class BadInputErrors
{
    /// <summary>
    /// The status for an exception that a bad request caused, or null for the portal's own failures: a body over its size
    /// limit or a malformed request (Kestrel's 413/400), and text PostgreSQL cannot store (a NUL character) reaching a query.
    /// </summary>
    public static int? StatusCodeFor(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case BadHttpRequestException badRequest:
                    return badRequest.StatusCode;
                case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                    return StatusCodes.Status400BadRequest;
            }
        }
        return null;
    }
}

/// <summary>
/// PostgreSQL cannot store a NUL character in text. A form field holding one is refused beside the field, with the rest of
/// the form kept, before the handler runs (handlers answer an invalid ModelState by showing the form again).
/// </summary>
public sealed class NulCharacterFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only a form already read by model binding: reading here would throw on a form over its size limits.
        if (context.HttpContext.Features.Get<IFormFeature>()?.Form is not { } form)
        {
            return;
        }
        foreach (var (name, values) in form)
        {
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                context.ModelState.AddModelError(name, "This contains a NUL character (\\0), which cannot be stored: remove it.");
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>
/// Binds yes/no fields as the framework does, but when the posted text is not a yes or no ("99999" in a checkbox) it
/// keeps the error and records "no" as the value to show: the checkbox tag helper would otherwise try to read the text
/// as a bool while drawing the form again and fail with a 500.
/// </summary>
public sealed class CheckboxValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new CheckboxValueBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class CheckboxValueBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet
                && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
                && entry.Errors.Count > 0)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: entry.AttemptedValue);
            }
        }
    }
}

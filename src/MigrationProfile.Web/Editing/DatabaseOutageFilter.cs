using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Editing;

/// <summary>A posted field as the editor typed it.</summary>
/// <param name="Name">The form field's name, posted back unchanged.</param>
/// <param name="Label">The name as an editor reads it ("Heading", not "Input.Heading").</param>
/// <param name="Value">What was typed.</param>
/// <param name="Hidden">Bookkeeping the form carried unseen (the version the editor loaded).</param>
public sealed record PostedField(string Name, string Label, string Value, bool Hidden);

/// <summary>What the "not saved" page shows: the reason and every field, ready to post again.</summary>
public sealed record NotSavedView(string Action, IReadOnlyList<PostedField> Fields)
{
    public const string Title = "Not saved: the database cannot be reached";

    public const string Message = "The database cannot be reached at the moment, so nothing was saved. " +
        "Everything you entered is below: save again in a minute, or copy it somewhere safe.";
}

/// <summary>
/// On admin pages, a save that fails because the database is down (before or during the write) does not lose what
/// the editor typed: instead of the general 503 page they get the reason and their input in a form that posts it again.
/// </summary>
public sealed class DatabaseOutageFilter : IAsyncPageFilter
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var request = context.HttpContext.Request;
        if (executed.Exception is not { } exception || executed.ExceptionHandled
            || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType || !DatabaseErrors.IsUnavailable(exception))
        {
            return;
        }
        var form = await request.ReadFormAsync();
        var fields = form.Where(f => f.Key != AntiforgeryField && !f.Key.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(f => f.Value.Select(value => new PostedField(f.Key, Label(f.Key), value ?? "",
                Hidden: f.Key.EndsWith("Version", StringComparison.Ordinal) || f.Key == "intent")))
            .ToList();
        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        executed.ExceptionHandled = true;
        executed.Result = new PartialViewResult
        {
            ViewName = "_NotSaved",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<NotSavedView>(metadata, context.ModelState)
            {
                Model = new NotSavedView(request.Path + request.QueryString, fields),
            },
        };
    }

    /// <summary>"Input.BodyMarkdown" → "Body markdown".</summary>
    private static string Label(string name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        var words = System.Text.RegularExpressions.Regex.Replace(last, "(?<=[a-z0-9])([A-Z])", " $1").ToLowerInvariant();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

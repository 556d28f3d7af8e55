using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MigrationProfile.Web.Pages;

/// <summary>The one page a person sees when something goes wrong: what happened and where to go, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed requests keep the original status; a direct visit to /error/404 gets the one it names, and a
        // direct visit naming no error status (/error, /error/0, /error/99999) is a page that does not exist.
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        }
        Status = Response.StatusCode == StatusCodes.Status200OK ? StatusCodes.Status500InternalServerError : Response.StatusCode;
        Response.StatusCode = Status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

public class ProfileModel(CountryProfileQuery query) : PageModel
{
    public CountryProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await query.GetAsync(slug.ToLowerInvariant(), cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        return Page();
    }
}

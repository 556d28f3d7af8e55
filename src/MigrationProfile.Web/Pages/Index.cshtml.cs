using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

public class IndexModel(CountryProfileQuery query) : PageModel
{
    public IReadOnlyList<CountrySummary> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Countries = await query.ListCountriesAsync(cancellationToken);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Pages.Admin.Users;

/// <summary>Every account, with what an admin checks first: role, whether it can sign in, and since when it exists.</summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public string? CurrentUserId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentUserId = users.GetUserId(User);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.IsActive,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        Accounts = [.. rows.Select(u => new AccountSummary(u.Id, u.Email ?? "", u.DisplayName, UserAccounts.RoleOf(u.Roles), u.IsActive,
            UserAccounts.LockedOutUntil(u.LockoutEnd), u.CreatedAt))];
    }
}

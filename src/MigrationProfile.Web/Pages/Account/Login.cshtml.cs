using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Security;

namespace MigrationProfile.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, CookieSecurity cookieSecurity,
    SignInRateLimiter attempts, ILogger<LoginModel> logger, InterfaceTextLocalizer text) : PageModel
{
    /// <summary>On plain http where cookies must be Secure, the page explains instead of showing a form that cannot work.</summary>
    public bool HttpsRequired => cookieSecurity.RequireHttps && !Request.IsHttps;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Keep the email address under {1} characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(256, ErrorMessage = "Keep the password under {1} characters.")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (HttpsRequired)
        {
            return Page();
        }
        // Per client address, on top of the per-account lockout: guessing across many accounts is slowed down too.
        if (attempts.TryAttempt(HttpContext) is { } wait)
        {
            logger.LogWarning("Sign-in refused: too many attempts from {Client}", RateLimitingSetup.ClientPartition(HttpContext));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RateLimitingSetup.SetRetryAfter(Response, wait);
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            return Refuse(seconds < 120
                ? text.Plural(Math.Max(1, seconds), "Too many sign-in attempts from this connection. Try again in {0} second.",
                    "Too many sign-in attempts from this connection. Try again in {0} seconds.")
                : text.Plural((long)Math.Ceiling(wait.TotalMinutes), "Too many sign-in attempts from this connection. Try again in {0} minute.",
                    "Too many sign-in attempts from this connection. Try again in {0} minutes."));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            return Refuse(text["Email or password is incorrect."]);
        }

        // The password is checked (and failures counted towards lockout) before anything about the account is revealed.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {Email}: locked out", user.Email);
            return Refuse(text["Too many failed attempts: this account is locked for 15 minutes. Try again later or ask an administrator."]);
        }
        if (!check.Succeeded)
        {
            return Refuse(text["Email or password is incorrect."]);
        }
        if (!user.IsActive)
        {
            return Refuse(text["This account is deactivated. Ask an administrator to reactivate it."]);
        }

        await signIn.SignInAsync(user, Input.RememberMe);
        logger.LogInformation("{Email} signed in", user.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/admin");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Input.Password = "";
        return Page();
    }
}

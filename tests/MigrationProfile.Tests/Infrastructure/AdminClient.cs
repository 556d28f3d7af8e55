using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// A signed-in person in the admin area: an HTTP client that keeps its cookies, signs in through the real
/// login form and submits forms as a browser would (the form's own values, plus what the test changes).
/// </summary>
public sealed class AdminClient : IDisposable
{
    private const string AntiforgeryField = "__RequestVerificationToken";
    private static readonly HtmlParser s_parser = new();

    private AdminClient(HttpClient http) => Http = http;

    /// <summary>Cookie-keeping client from <see cref="PortalFactory.CreateCookieClient"/>; redirects are not followed.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Signs in as <paramref name="email"/> (default: <c>admin@tests.example.org</c> or <c>editor@tests.example.org</c>),
    /// first creating the account with that role and password if it does not exist yet. An existing account is used
    /// as it is. The account's display name is the part of the email before the @.
    /// </summary>
    public static async Task<AdminClient> SignInAsync(PortalFactory portal, string role, string? email = null, string password = "Correct-Horse-9-battery")
    {
        Assert.Contains(role, Roles.All);
        email ??= $"{role.ToLowerInvariant()}@tests.example.org";
        await EnsureAccountAsync(portal.Services, role, email, password);

        return await SignInAsync(portal.CreateCookieClient(), email, password);
    }

    /// <summary>
    /// Signs in through the login form over <paramref name="http"/> (which keeps cookies and does not follow redirects),
    /// e.g. a client on a real socket. The account must exist (see <see cref="EnsureAccountAsync"/>). Takes the client.
    /// </summary>
    public static async Task<AdminClient> SignInAsync(HttpClient http, string email, string password)
    {
        var client = new AdminClient(http);
        try
        {
            var (response, page) = await client.PostFormAsync("/account/login", null,
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
            using (response)
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect && !location.Contains("/account/login", StringComparison.OrdinalIgnoreCase),
                    $"Signing in as {email} failed ({(int)response.StatusCode} {location}): {page.QuerySelector(".error-summary")?.Visible()}");
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A person already signed in (their cookies are in <paramref name="http"/>'s handler), e.g. on another instance.</summary>
    public static AdminClient SignedInWith(HttpClient http) => new(http);

    /// <summary>GETs a page, asserts it answered 200 and returns it parsed.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK,
            $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}: {html[..Math.Min(html.Length, 500)]}");
        return s_parser.ParseDocument(html);
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, takes the post form whose action is <paramref name="actionUrl"/> (the first post
    /// form when null: on admin pages that is the layout's sign-out form, so name the action there) with its current
    /// values and antiforgery token, replaces the values named in
    /// <paramref name="fields"/> and submits it. Redirects are not followed; the caller disposes the response.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostFormAsync(string pageUrl, string? actionUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetPageAsync(pageUrl);
        var forms = page.Forms.Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
        var form = actionUrl is null
            ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), actionUrl, StringComparison.Ordinal));
        Assert.True(form is not null,
            $"{pageUrl} has no post form{(actionUrl is null ? "" : $" with action \"{actionUrl}\"")}. Post forms: " +
            string.Join(", ", forms.Select(f => $"\"{f.GetAttribute("action")}\"")));

        var values = CurrentValues(form);
        foreach (var (name, value) in fields)
        {
            var first = values.FindIndex(v => v.Key == name);
            values.RemoveAll(v => v.Key == name);
            values.Insert(first < 0 ? values.Count : first, new(name, value));
        }
        if (!values.Exists(v => v.Key == AntiforgeryField))
        {
            var token = page.QuerySelectorAll("input").OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == AntiforgeryField)?.Value;
            Assert.True(token is not null, $"{pageUrl} carries no antiforgery token ({AntiforgeryField}).");
            values.Add(new(AntiforgeryField, token));
        }

        var action = form.GetAttribute("action");
        var target = new Uri(new Uri(Http.BaseAddress!, pageUrl), string.IsNullOrEmpty(action) ? pageUrl : action);
        using var content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(target, content);
        var html = await response.Content.ReadAsStringAsync();
        return (response, s_parser.ParseDocument(html));
    }

    /// <summary>Submits a page's multipart form with a file, as a browser's upload would.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostFileAsync(string pageUrl, IDictionary<string, string> fields,
        string fileField, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetPageAsync(pageUrl);
        var token = page.QuerySelectorAll("form[enctype='multipart/form-data'] input").OfType<IHtmlInputElement>()
            .FirstOrDefault(i => i.Name == AntiforgeryField)?.Value;
        Assert.True(token is not null, $"{pageUrl} has no multipart form with an antiforgery token.");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new StringContent(token), AntiforgeryField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, fileField, fileName);
        var response = await Http.PostAsync(new Uri(Http.BaseAddress!, pageUrl), form);
        var html = await response.Content.ReadAsStringAsync();
        return (response, s_parser.ParseDocument(html));
    }

    /// <summary>
    /// Submits a page's multipart form as a browser would: its current values and antiforgery token, the values named in
    /// <paramref name="fields"/> replaced, and <paramref name="content"/> as the file field (sent as application/octet-stream:
    /// the portal must judge the file by its bytes). Redirects are not followed; the caller disposes the response.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostFormWithFileAsync(string pageUrl, IDictionary<string, string> fields,
        string fileField, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetPageAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"{pageUrl} has no multipart form.");
        var values = CurrentValues(form);
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);

        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, fileField, fileName);
        var action = form.GetAttribute("action");
        var response = await Http.PostAsync(new Uri(new Uri(Http.BaseAddress!, pageUrl), string.IsNullOrEmpty(action) ? pageUrl : action), body);
        var html = await response.Content.ReadAsStringAsync();
        return (response, s_parser.ParseDocument(html));
    }

    public void Dispose() => Http.Dispose();

    /// <summary>What a browser would send for the form as it stands: enabled, named controls in document order.</summary>
    private static List<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !input.IsDisabled && !string.IsNullOrEmpty(input.Name):
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file")
                    {
                        break;
                    }
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            values.Add(new(input.Name, input.GetAttribute("value") ?? "on"));
                        }
                        break;
                    }
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !select.IsDisabled && !string.IsNullOrEmpty(select.Name):
                    var options = select.Options.OfType<IHtmlOptionElement>().ToList();
                    var selected = options.Where(o => o.IsSelected && !o.IsDisabled).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && options.FirstOrDefault(o => !o.IsDisabled) is { } first)
                    {
                        // A single select with nothing marked selected submits its first option, as browsers do.
                        selected.Add(first);
                    }
                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement textArea when !textArea.IsDisabled && !string.IsNullOrEmpty(textArea.Name):
                    values.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>Creates the account with that role and password unless one with the email exists.</summary>
    public static async Task EnsureAccountAsync(IServiceProvider services, string role, string email, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, $"Creating {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, $"Adding {email} to {role}: {string.Join(" ", added.Errors.Select(e => e.Description))}");
    }
}

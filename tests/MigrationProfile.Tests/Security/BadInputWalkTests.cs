using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using MigrationProfile.Tests.Api;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using Xunit.Abstractions;

namespace MigrationProfile.Tests.Security;

/// <summary>
/// Sends the bad-input corpus to every route in the portal's routing table and every field of every form an admin can
/// open: never a 5xx, never a stack trace; a 4xx, a page that says what is wrong, or a save; what was typed comes back
/// in the form; and the profile still renders afterwards.
/// </summary>
/// <summary>The imported portal with its static files as a published build has them (compressed copies included).</summary>
public sealed class WalkPortalFactory : ImportedPortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

public partial class BadInputWalkTests(WalkPortalFactory portal, ITestOutputHelper output) : IClassFixture<WalkPortalFactory>
{
    private static readonly string[] s_storedScripts = ["<script>alert", "<img src=x"];

    private const string AntiforgeryField = "__RequestVerificationToken";
    private const int ValuesPerParameter = 3;
    private const int ValuesPerField = 3;
    private const int MaxCrawl = 300;
    private const int VisitsPerRoute = 2;
    /// <summary>
    /// How many read-only requests (GETs with bad values, wrong methods) are in flight at once. Each is independent of
    /// the others, and much of a request is waiting on the database, so a few at once finish the walk sooner. Form posts
    /// stay one at a time, in order: they save, and later forms depend on what earlier ones left. MP_WALK_CONCURRENCY overrides.
    /// </summary>
    private static readonly ParallelOptions s_readOnlyRequests = new()
    {
        MaxDegreeOfParallelism = int.TryParse(Environment.GetEnvironmentVariable("MP_WALK_CONCURRENCY"), out var concurrency) && concurrency > 0 ? concurrency : 4,
    };

    // AngleSharp's parser is not documented as safe to share between threads; one per thread.
    [ThreadStatic]
    private static HtmlParser? s_parser;

    private static HtmlParser Parser => s_parser ??= new HtmlParser();

    /// <summary>Values used where the walk has not found a real address for a route.</summary>
    private static readonly Dictionary<string, string> s_defaultRouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slug"] = "kazakhstan",
        ["code"] = "population",
        ["id"] = "1",
    };

    private readonly List<string> _failures = [];
    private int _requests;
    private int _slot;

    [GeneratedRegex(@"\bat [A-Z][\w.`]+\.[\w<>`|]+\(|[A-Z]\w+Exception\b|\bNpgsql\b|\bStack ?[Tt]race\b", RegexOptions.None)]
    private static partial Regex StackTrace();

    [Fact]
    public async Task Every_route_and_form_refuses_bad_input_politely_and_keeps_what_was_typed()
    {
        var started = DateTime.UtcNow;
        var routes = await RoutingTable.ReadAsync(portal.Services);
        Assert.Contains(routes, r => r.Pattern.StartsWith("/api/v1", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.IsPage && r.HasPostHandler);

        // Someone to edit who is not the admin doing the walk, listed first.
        using (await AdminClient.SignInAsync(portal, Roles.Editor, "aa-walk-target@tests.example.org"))
        {
        }
        var admin = await AdminClient.SignInAsync(portal, Roles.Admin, "zz-walker@tests.example.org");
        try
        {
            // An open draft, so the dashboard shows its discard form to the walk.
            var (drafted, _) = await admin.PostFormAsync("/admin/authorities/edit/1", "/admin/authorities/edit/1?country=kazakhstan",
                new Dictionary<string, string> { ["Input.Name"] = "A drafted name for the walk", ["intent"] = "draft" });
            Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
            var samples = await CrawlAsync(admin.Http, routes);
            output.WriteLine($"{routes.Count} routes; {samples.Count} found by following links; crawl took {DateTime.UtcNow - started:mm\\:ss}.");

            // Every bad GET is worked out first, in route order (each field's slot of the corpus stays where it was), then sent.
            var badGets = routes.Where(r => r.Answers("GET")).SelectMany(r => BadGets(r, samples.GetValueOrDefault(r))).ToList();
            await Parallel.ForEachAsync(badGets, s_readOnlyRequests, async (get, _) => await GetAsync(admin.Http, get.PathAndQuery, get.What));
            output.WriteLine($"GET walk done after {_requests} requests, {DateTime.UtcNow - started:mm\\:ss}.");

            var forms = await CollectFormsAsync(admin.Http, routes, samples);
            // Forms that only act (delete, restore, undo, apply, discard, sign out) go last, so edit forms are still there.
            foreach (var form in forms.OrderBy(f => f.Acts ? 1 : 0))
            {
                await WalkFormAsync(admin.Http, form);
            }
            output.WriteLine($"Form walk done: {forms.Count} forms, {_requests} requests, {DateTime.UtcNow - started:mm\\:ss}.");

            await WalkWrongMethodsAsync(admin.Http, routes, samples);
        }
        finally
        {
            admin.Dispose();
        }

        // Stored data is intact: the public pages and the API still render.
        using var visitor = portal.CreateClient();
        foreach (var url in new[] { "/", "/countries/kazakhstan", "/api/v1/countries/kazakhstan/profile", "/api/v1/countries", "/countries/kazakhstan/data.csv" })
        {
            using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Check(response.StatusCode == HttpStatusCode.OK, $"after the walk GET {url} answered {(int)response.StatusCode}");
            var script = s_storedScripts.Select(s => body.IndexOf(s, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0)
                .Select(i => body[Math.Max(0, i - 120)..Math.Min(body.Length, i + 60)]).FirstOrDefault();
            // CSV carries stored text exactly as typed (it is data, never rendered as HTML); pages and JSON escape it.
            Check(script is null || url.EndsWith(".csv", StringComparison.Ordinal), $"after the walk GET {url} carries a stored script unescaped: …{script}…");
        }

        output.WriteLine($"{_requests} requests in {DateTime.UtcNow - started:mm\\:ss}.");
        Assert.True(_failures.Count == 0, $"{_failures.Count} problems:\n" + string.Join('\n', _failures.Take(60)));
    }

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            lock (_failures)
            {
                _failures.Add(problem);
            }
        }
    }

    private async Task<(HttpStatusCode Status, string Body, IHtmlDocument? Page)> SendAsync(HttpClient http, HttpRequestMessage request, string what)
    {
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The test host cannot carry a NUL in a path at all; Kestrel refuses such a request line itself with 400.
            return (HttpStatusCode.BadRequest, "", null);
        }
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Check(status < 500, $"{what}: {status} {Shorten(body)}");
        var match = StackTrace().Match(body);
        Check(!match.Success, $"{what}: the answer shows \"{match.Value}\" (a stack trace or internals)");
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        return (response.StatusCode, body, isHtml ? Parser.ParseDocument(body) : null);
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;

    // ---- Finding a real address for each route by following links, as a visitor and an admin would ----

    private async Task<Dictionary<PortalRoute, string>> CrawlAsync(HttpClient http, IReadOnlyList<PortalRoute> routes)
    {
        var samples = new Dictionary<PortalRoute, string>();
        // Visits are counted per route and per how many route values the address fills, so that an edit page is also
        // opened for an existing item (/edit/5, with its delete form), not only for a new one (/edit).
        var visits = new Dictionary<(PortalRoute, int), int>();
        var filledBy = new Dictionary<PortalRoute, int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/admin", "/admin/users", "/admin/imports", "/compare", "/countries/kazakhstan"]);
        var crawled = 0;
        while (queue.Count > 0 && crawled < MaxCrawl)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var path = url.Split('?', '#')[0];
            var route = RoutingTable.Match(routes, path);
            var filled = route is null ? 0 : FilledRouteValues(route, path);
            if (route is null || visits.GetValueOrDefault((route, filled)) >= VisitsPerRoute)
            {
                continue;
            }
            visits[(route, filled)] = visits.GetValueOrDefault((route, filled)) + 1;
            crawled++;
            _requests++;
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            if (!samples.ContainsKey(route) || filled > filledBy[route])
            {
                samples[route] = url;
                filledBy[route] = filled;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/swagger", StringComparison.Ordinal))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }
        return samples;
    }

    private static int FilledRouteValues(PortalRoute route, string path)
    {
        var matched = new RouteValueDictionary();
        new TemplateMatcher(new RouteTemplate(route.Endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(new Microsoft.AspNetCore.Http.PathString(path), matched);
        return matched.Count(v => v.Value is not null && v.Value.ToString()!.Length > 0);
    }

    private static Dictionary<string, string> RouteValues(PortalRoute route, string? sample)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (sample is not null)
        {
            var matched = new RouteValueDictionary();
            var matcher = new TemplateMatcher(new RouteTemplate(route.Endpoint.RoutePattern), new RouteValueDictionary());
            if (matcher.TryMatch(new Microsoft.AspNetCore.Http.PathString(sample.Split('?')[0]), matched))
            {
                foreach (var (key, value) in matched)
                {
                    if (value is not null)
                    {
                        values[key] = Uri.EscapeDataString(value.ToString()!);
                    }
                }
            }
        }
        foreach (var parameter in route.RouteParameters)
        {
            if (!values.ContainsKey(parameter))
            {
                var isInt = route.Endpoint.RoutePattern.ParameterPolicies.TryGetValue(parameter, out var policies)
                    && policies.Any(p => p.Content is "int");
                values[parameter] = isInt ? "404" : s_defaultRouteValues.GetValueOrDefault(parameter, "kazakhstan");
            }
        }
        return values;
    }

    // ---- GET: corpus values in each route parameter and each declared query parameter ----

    private List<(string PathAndQuery, string What)> BadGets(PortalRoute route, string? sample)
    {
        var gets = new List<(string PathAndQuery, string What)>();
        var values = RouteValues(route, sample);
        var basePath = route.Path(values);
        var baseQuery = sample?.Contains('?', StringComparison.Ordinal) == true ? sample[(sample.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";

        foreach (var parameter in route.RouteParameters)
        {
            foreach (var bad in BadInputs.Sample(_slot++, ValuesPerParameter))
            {
                var path = route.Path(new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { [parameter] = bad.Encoded });
                gets.Add((path, $"GET {route.Pattern} with {parameter} = {bad}"));
            }
        }
        foreach (var parameter in route.QueryParameters)
        {
            foreach (var bad in BadInputs.Sample(_slot++, ValuesPerParameter))
            {
                gets.Add(($"{basePath}?{With(baseQuery, parameter, bad.Encoded)}", $"GET {route.Pattern} with ?{parameter}= {bad}"));
            }
            gets.Add(($"{basePath}?{With(baseQuery, parameter, "1")}&{Uri.EscapeDataString(parameter)}=2", $"GET {route.Pattern} with {parameter} twice"));
        }
        foreach (var query in Enumerable.Range(_slot++, 3).Select(i => BadInputs.MalformedQueries[i % BadInputs.MalformedQueries.Count]))
        {
            gets.Add((basePath + query, $"GET {route.Pattern} with the query {Shorten(query)}"));
        }
        return gets;
    }

    private static string With(string query, string name, string encodedValue)
    {
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !string.Equals(Uri.UnescapeDataString(pair.Split('=')[0]), name, StringComparison.OrdinalIgnoreCase));
        return string.Join('&', kept.Append($"{Uri.EscapeDataString(name)}={encodedValue}"));
    }

    private async Task GetAsync(HttpClient http, string pathAndQuery, string what)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery));
        await SendAsync(http, request, what);
    }

    // ---- Forms: every field of every post form on every page that handles POST ----

    private sealed record FormField(string Name, string Kind, string Value);

    private sealed record PortalForm(string PageUrl, string Action, bool Multipart, IReadOnlyList<FormField> Fields,
        KeyValuePair<string, string>? Button, bool Acts)
    {
        public override string ToString() => $"form {Action}{(Button is { } b ? $" [{b.Key}={b.Value}]" : "")} on {PageUrl}";
    }

    private async Task<List<PortalForm>> CollectFormsAsync(HttpClient http, IReadOnlyList<PortalRoute> routes, Dictionary<PortalRoute, string> samples)
    {
        var forms = new List<PortalForm>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        // Pages that handle POST, and admin pages whose forms post elsewhere (a history item's restore posts to the history page).
        foreach (var route in routes.Where(r => r.IsPage && (r.HasPostHandler
            || (samples.ContainsKey(r) && r.Pattern.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase)))))
        {
            var url = samples.GetValueOrDefault(route) ?? route.Path(RouteValues(route, null));
            _requests++;
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var found = 0;
            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                var fields = Fields(form);
                var buttons = form.QuerySelectorAll("button[name], input[type=submit][name]")
                    .Select(b => new KeyValuePair<string, string>(b.GetAttribute("name")!, b.GetAttribute("value") ?? ""))
                    .Distinct().ToList();
                IEnumerable<KeyValuePair<string, string>?> variants = buttons.Count == 0
                    ? [null]
                    : buttons.Select(b => (KeyValuePair<string, string>?)b);
                foreach (var button in variants)
                {
                    var actionPath = action.Split('?')[0];
                    var signature = $"{actionPath}|{HandlerOf(action)}|{button}|{string.Join(',', fields.Select(f => f.Name))}";
                    if (!signatures.Add(signature))
                    {
                        continue;
                    }
                    found++;
                    var verb = $"{action} {button?.Value}".ToLowerInvariant();
                    var acts = !fields.Exists(f => f.Kind is not "hidden")
                        || verb.Contains("delete", StringComparison.Ordinal) || verb.Contains("logout", StringComparison.Ordinal)
                        || verb.Contains("restore", StringComparison.Ordinal) || verb.Contains("undo", StringComparison.Ordinal)
                        || verb.Contains("apply", StringComparison.Ordinal) || verb.Contains("discard", StringComparison.Ordinal);
                    forms.Add(new PortalForm(url, action, string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                        fields, button, acts));
                }
            }
            output.WriteLine($"{route.Pattern} at {url}: {found} forms to walk");
        }
        // Every route that handles POST is the target of some form found (sign-out's form is in the admin layout). The error
        // page answers POST only so that a failed form post can be re-executed into it; it has no form of its own.
        // A page answers at each of its routes ("/Admin/Authorities" and "/Admin/Authorities/Index"); a form posting to one covers all.
        foreach (var route in routes.Where(r => r.IsPage && r.HasPostHandler && !r.Pattern.StartsWith("/error", StringComparison.Ordinal)))
        {
            var samePage = routes.Where(r => r.PageName == route.PageName).ToList();
            Check(forms.Exists(f => RoutingTable.Match(samePage, f.Action.Split('?')[0], "POST") is not null),
                $"{route.Pattern} handles POST but the walk found no form posting to it: link its page from the admin area");
        }
        return forms;
    }

    private static string HandlerOf(string action)
    {
        var query = action.Contains('?', StringComparison.Ordinal) ? action[(action.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        return query.Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase)) ?? "";
    }

    private static List<FormField> Fields(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !input.IsDisabled && !string.IsNullOrEmpty(input.Name):
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image")
                    {
                        break;
                    }
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new FormField(input.Name, type, input.GetAttribute("value") ?? "on"));
                        }
                        else if (!fields.Exists(f => f.Name == input.Name))
                        {
                            // Unticked: not sent, but still a field the walk puts values into.
                            fields.Add(new FormField(input.Name, type + "-off", input.GetAttribute("value") ?? "on"));
                        }
                        break;
                    }
                    fields.Add(new FormField(input.Name, type, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select when !select.IsDisabled && !string.IsNullOrEmpty(select.Name):
                    var options = select.Options.OfType<IHtmlOptionElement>().ToList();
                    var chosen = options.FirstOrDefault(o => o.IsSelected) ?? options.FirstOrDefault();
                    fields.Add(new FormField(select.Name, "select", chosen?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textArea when !textArea.IsDisabled && !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new FormField(textArea.Name, "textarea", textArea.Value));
                    break;
            }
        }
        return fields;
    }

    private async Task WalkFormAsync(HttpClient http, PortalForm form)
    {
        foreach (var field in form.Fields.Where(f => f.Kind is not "file"))
        {
            var count = field.Name == AntiforgeryField ? 1 : ValuesPerField;
            foreach (var bad in BadInputs.Sample(_slot++, count))
            {
                var (status, _, page) = await PostAsync(http, form, field.Name, bad, $"POST {form} with {field.Name} = {bad}");
                if (status != HttpStatusCode.OK || page is null)
                {
                    continue;
                }
                var what = $"POST {form} with {field.Name} = {bad}";
                // The page came back instead of a redirect: it must say what is wrong, or show the form again as typed.
                var shown = page.GetElementsByName(field.Name) is { Length: > 0 } named ? named[0] : null;
                var explained = page.QuerySelectorAll(".field-error, .error-summary, .notice, [role=alert], .validation-summary-errors")
                    .Any(e => e.TextContent.Trim().Length > 0);
                Check(explained || shown is not null, $"{what}: 200 without a message and without the form");
                if (shown is not null && bad.Text is { } typed && bad.SurvivesHtml && field.Kind is "text" or "email" or "number" or "url" or "search" or "tel" or "date" or "textarea")
                {
                    var value = shown is IHtmlTextAreaElement area ? area.Value : shown.GetAttribute("value") ?? "";
                    Check(SameText(value, typed, shown is IHtmlTextAreaElement), $"{what}: the form came back with \"{Shorten(value)}\" instead of what was typed");
                }
            }
        }
        // Wrong content types: JSON and plain text where a form is expected.
        foreach (var (mediaType, content) in new[] { ("application/json", "{\"Input\":{\"Name\":1e999}}"), ("text/plain", "Input.Name=x"), ("multipart/form-data", "--x\r\nbroken") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Target(http, form));
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType == "multipart/form-data" ? "multipart/form-data; boundary=x" : mediaType);
            await SendAsync(http, request, $"POST {form} as {mediaType}");
        }
    }

    /// <summary>The browser's view of a value shown back: line breaks normalised, NUL shown as U+FFFD, an input's line breaks dropped; edges trimmed, as the portal trims.</summary>
    private static bool SameText(string shown, string typed, bool multiLine)
    {
        var expected = typed.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\0', '\uFFFD');
        if (!multiLine)
        {
            expected = expected.Replace("\n", "", StringComparison.Ordinal);
        }
        // A CR the page wrote as &#xD; arrives here as a CR, as in a browser; the browser then normalises it like any line break.
        var actual = shown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\0', '\uFFFD');
        if (!multiLine)
        {
            // A browser drops an input's line breaks (CR and LF) as it shows the value.
            actual = actual.Replace("\n", "", StringComparison.Ordinal);
        }
        return string.Equals(actual.Trim(), expected.Trim(), StringComparison.Ordinal)
            || string.Equals(actual.Trim().Replace("\uFFFD", "", StringComparison.Ordinal), expected.Trim().Replace("\uFFFD", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Uri Target(HttpClient http, PortalForm form) => new(new Uri(http.BaseAddress!, form.PageUrl), form.Action);

    private async Task<(HttpStatusCode Status, string Body, IHtmlDocument? Page)> PostAsync(HttpClient http, PortalForm form, string fieldName, BadInput bad, string what)
    {
        var values = form.Fields.Where(f => f.Kind is not ("file" or "checkbox-off" or "radio-off") || f.Name == fieldName)
            .Select(f => (f.Name, Encoded: f.Name == fieldName ? bad.Encoded : Uri.EscapeDataString(f.Value), Bytes: f.Name == fieldName ? bad.Bytes() : Encoding.UTF8.GetBytes(f.Value)))
            .ToList();
        if (form.Button is { } button)
        {
            values.Add((button.Key, Uri.EscapeDataString(button.Value), Encoding.UTF8.GetBytes(button.Value)));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Target(http, form));
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, _, bytes) in values)
            {
                multipart.Add(new ByteArrayContent(bytes), name);
            }
            foreach (var file in form.Fields.Where(f => f.Kind == "file"))
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes("Country Name,Country Code,Year,Value\n\"Kaz\0\",KAZ,99999,1e999\n"));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                multipart.Add(content, file.Name, "bad.csv");
            }
            request.Content = multipart;
        }
        else
        {
            request.Content = new StringContent(string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Name)}={v.Encoded}")), Encoding.ASCII);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        return await SendAsync(http, request, what);
    }

    // ---- Wrong methods: what a route does not take is refused, not crashed on ----

    private async Task WalkWrongMethodsAsync(HttpClient http, IReadOnlyList<PortalRoute> routes, Dictionary<PortalRoute, string> samples)
    {
        var wrong = routes.SelectMany(route =>
        {
            var url = samples.GetValueOrDefault(route) ?? route.Path(RouteValues(route, null));
            return new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, route.HasPostHandler ? HttpMethod.Options : HttpMethod.Post }
                .Select(method => (Method: method, Url: url));
        }).ToList();
        await Parallel.ForEachAsync(wrong, s_readOnlyRequests, async (call, _) =>
        {
            using var request = new HttpRequestMessage(call.Method, new Uri(call.Url, UriKind.Relative));
            request.Content = new StringContent("{\"id\":-1}", Encoding.UTF8, "application/json");
            await SendAsync(http, request, $"{call.Method} {call.Url}");
        });
    }
}

using System.Text.Json;

namespace MigrationProfile.Tests.Api;

/// <summary>
/// The OpenAPI document describes every operation and parameter, with an example for each parameter. The test also
/// writes the document to TestResults/openapi.json, where scripts/test.sh lints it with Redocly.
/// </summary>
public class OpenApiDocumentTests(ImportedPortalFactory portal) : IClassFixture<ImportedPortalFactory>
{
    private async Task<(string Text, JsonElement Document)> GetDocumentAsync()
    {
        using var client = portal.CreateClient();
        var text = await client.GetStringAsync("/swagger/v1/swagger.json");
        return (text, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task Every_operation_and_parameter_is_described_with_an_example()
    {
        var (text, document) = await GetDocumentAsync();
        await File.WriteAllTextAsync(OpenApiOutputPath(), text);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Method: operation.Name, Operation: operation.Value)))
            .ToList();
        Assert.Equal(11, operations.Count);
        Assert.All(operations, o => Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal));
        Assert.All(operations, o =>
        {
            Assert.Equal("get", o.Method);
            var name = o.Operation.GetProperty("operationId").GetString();
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("description").GetString()), $"{name} has no description");
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("400", out _), $"{name} does not declare 400");
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("304", out _), $"{name} does not declare 304");
            // Every endpoint answers in the language asked for.
            Assert.Contains("lang", o.Operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            var parameters = o.Operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.All(parameters, p =>
            {
                var parameter = $"{name} {p.GetProperty("name").GetString()}";
                Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()), $"{parameter} has no description");
                Assert.True(p.TryGetProperty("example", out var example) && example.ValueKind != JsonValueKind.Null, $"{parameter} has no example");
            });
            if (o.Path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(o.Operation.GetProperty("responses").TryGetProperty("404", out _), $"{name} does not declare 404");
            }
        });
        Assert.Equal(
            ["country", "indicator", "source", "edition", "from", "to", "page", "pageSize", "lang"],
            operations.Single(o => o.Path == "/api/v1/observations").Operation.GetProperty("parameters").EnumerateArray()
                .Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_document_says_who_may_use_what_and_that_no_key_is_needed()
    {
        var (_, document) = await GetDocumentAsync();

        var license = document.GetProperty("info").GetProperty("license");
        Assert.Contains("CC BY 4.0", license.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", license.GetProperty("url").GetString());
        Assert.NotEmpty(document.GetProperty("servers").EnumerateArray());
        Assert.All(document.GetProperty("tags").EnumerateArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString())));
        var security = Assert.Single(document.GetProperty("security").EnumerateArray());
        Assert.Empty(security.EnumerateObject());
    }

    /// <summary>TestResults/openapi.json at the repository root (MP_OPENAPI_OUT overrides it).</summary>
    private static string OpenApiOutputPath()
    {
        if (Environment.GetEnvironmentVariable("MP_OPENAPI_OUT") is { Length: > 0 } path)
        {
            return path;
        }
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MigrationProfile.sln")))
        {
            directory = directory.Parent;
        }
        var results = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return Path.Combine(results, "openapi.json");
    }
}

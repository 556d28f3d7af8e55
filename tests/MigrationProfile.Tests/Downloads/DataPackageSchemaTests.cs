using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MigrationProfile.Tests.Downloads;

/// <summary>
/// datapackage.json validated against the official Frictionless Data Package 2.1 profile (Fixtures/Frictionless,
/// see its README), offline: the profile is registered under its published address and nothing is fetched.
/// </summary>
public class DataPackageSchemaTests(DownloadsPortalFactory portal) : IClassFixture<DownloadsPortalFactory>
{
    private const string NotYetCommitted = "The official profile Fixtures/Frictionless/datapackage.json is not committed yet (see the README there).";

    private const string ProfileAddress = "https://datapackage.org/profiles/2.1/";

    private static JsonSchema LoadProfile(string file)
    {
        var registry = new SchemaRegistry
        {
            // A $ref to anything not registered here fails the test instead of reaching the network.
            Fetch = (uri, _) => throw new InvalidOperationException($"the schema {uri} is not among the fixtures"),
        };
        var options = new BuildOptions { SchemaRegistry = registry };
        JsonSchema? wanted = null;
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Frictionless"), "*.json"))
        {
            var name = Path.GetFileName(path);
            var schema = JsonSchema.FromText(File.ReadAllText(path), options, new Uri(ProfileAddress + name));
            if (name == file)
            {
                wanted = schema;
            }
        }
        return wanted ?? throw new InvalidOperationException($"{file} is not among the fixtures");
    }

    private static void AssertValid(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))));
    }

    [Theory(Skip = NotYetCommitted)]
    [InlineData("kazakhstan")]
    [InlineData("albania")]
    public async Task The_descriptor_is_valid_against_the_official_data_package_profile(string slug)
    {
        var files = await DataPackageTests.DownloadAsync(portal, slug);

        AssertValid(LoadProfile("datapackage.json"), JsonNode.Parse(files["datapackage.json"])!);
    }

    [Fact(Skip = NotYetCommitted)]
    public void The_profile_refuses_a_broken_descriptor()
    {
        // Resources must be a non-empty array, and a licence needs a name or a path: the test can fail.
        var broken = JsonNode.Parse("""{"name": "x", "resources": [], "licenses": [{"title": "no name or path"}]}""")!;
        using var document = JsonDocument.Parse(broken.ToJsonString());

        Assert.False(LoadProfile("datapackage.json").Evaluate(document.RootElement).IsValid);
    }
}

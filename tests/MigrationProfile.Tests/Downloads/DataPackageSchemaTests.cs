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

    private static EvaluationResults Evaluate(JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        return LoadProfile("datapackage.json").Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>Each error as "instance location (schema path): keyword: message".</summary>
    private static List<(string Location, string Text)> Errors(EvaluationResults result) =>
        [.. (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")))];

    private static void AssertValid(JsonNode instance)
    {
        var result = Evaluate(instance);
        Assert.True(result.IsValid, string.Join("\n", Errors(result).Select(e => e.Text)));
    }

    [Theory]
    [InlineData("kazakhstan")]
    [InlineData("albania")]
    public async Task The_descriptor_is_valid_against_the_official_data_package_profile(string slug)
    {
        var files = await DataPackageTests.DownloadAsync(portal, slug);

        AssertValid(JsonNode.Parse(files["datapackage.json"])!);
    }

    /// <summary>
    /// The portal's own valid descriptor, broken in one place each time: the profile refuses it and names that place,
    /// so a profile that accepted anything (or refused everything) would fail here.
    /// </summary>
    [Theory]
    [InlineData("no resources", "/resources")]
    [InlineData("a licence without name or path", "/licenses/0")]
    [InlineData("a resource without a name", "/resources/0")]
    [InlineData("a resource path leaving the package", "/resources/0/path")]
    [InlineData("a field of an unknown type", "/resources/0/schema/fields/0")]
    [InlineData("a primary key that is a number", "/resources/0/schema/primaryKey")]
    public async Task The_profile_refuses_a_broken_descriptor_and_names_where(string breakage, string location)
    {
        var files = await DataPackageTests.DownloadAsync(portal, "kazakhstan");
        var descriptor = JsonNode.Parse(files["datapackage.json"])!.AsObject();
        var valid = Evaluate(descriptor);
        Assert.True(valid.IsValid, string.Join("\n", Errors(valid).Select(e => e.Text)));
        // The list output also names the branches of anyOf/oneOf that a valid descriptor fails: those are not news.
        var before = Errors(valid).Select(e => e.Text).ToHashSet();
        var resource = descriptor["resources"]![0]!.AsObject();

        switch (breakage)
        {
            case "no resources":
                descriptor["resources"] = new JsonArray();
                break;
            case "a licence without name or path":
                descriptor["licenses"]![0] = new JsonObject { ["title"] = "no name or path" };
                break;
            case "a resource without a name":
                resource.Remove("name");
                break;
            case "a resource path leaving the package":
                resource["path"] = "../data.csv";
                break;
            case "a field of an unknown type":
                resource["schema"]!["fields"]![0]!["type"] = "text";
                break;
            case "a primary key that is a number":
                resource["schema"]!["primaryKey"] = 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "no such breakage");
        }
        var result = Evaluate(descriptor);

        Assert.False(result.IsValid, $"the profile accepted a descriptor with {breakage}");
        var added = Errors(result).Where(e => !before.Contains(e.Text)).ToList();
        Assert.True(added.Count > 0 && added.All(e => e.Location == location || e.Location.StartsWith(location + "/", StringComparison.Ordinal)),
            $"the new errors for {breakage} are not all at {location}: {string.Join("\n", added.Select(e => e.Text))}");
    }
}

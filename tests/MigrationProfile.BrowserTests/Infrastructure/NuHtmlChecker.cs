using System.Diagnostics;
using System.Text.Json;

namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>One error the Nu HTML Checker reported for a document.</summary>
public sealed record HtmlError(string Document, int? Line, string Message, string? Extract)
{
    public override string ToString() => $"{Document}, line {Line}: {Message} [{Extract?.Trim()}]";
}

/// <summary>
/// The Nu HTML Checker (vnu.jar from npm's vnu-jar, run by Java). It refuses to fetch localhost, so documents
/// are handed to it as files, all in one run (one JVM start).
/// </summary>
public static class NuHtmlChecker
{
    /// <summary>MP_VNU_JAR, which scripts/test.sh sets after installing vnu-jar into .tools/; else that same place.</summary>
    public static string JarPath { get; } = Environment.GetEnvironmentVariable("MP_VNU_JAR")
        ?? Path.Combine(PortalFixture.RepositoryRoot, ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Checks each document (name → HTML) and returns the errors; warnings are not asked for.</summary>
    public static async Task<IReadOnlyList<HtmlError>> CheckAsync(IReadOnlyDictionary<string, string> documents)
    {
        if (!File.Exists(JarPath))
        {
            throw new InvalidOperationException(
                $"vnu.jar not found at {JarPath}. Run the tests with scripts/test.sh, which installs it, or set MP_VNU_JAR.");
        }

        var directory = Directory.CreateTempSubdirectory("mp-vnu-");
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (name, html) in documents)
            {
                var file = Path.Combine(directory.FullName, $"{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[Path.GetFileName(file)] = name;
            }

            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "-jar", JarPath, "--errors-only", "--format", "json", "--stdout" })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var file in files.Keys)
            {
                start.ArgumentList.Add(Path.Combine(directory.FullName, file));
            }

            using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var stdout = java.StandardOutput.ReadToEndAsync();
            var stderr = java.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await java.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                java.Kill(entireProcessTree: true);
                throw new TimeoutException("The Nu HTML Checker did not finish within 2 minutes.");
            }

            var output = await stdout;
            if (output.Length == 0)
            {
                throw new InvalidOperationException($"The Nu HTML Checker printed nothing (exit {java.ExitCode}): {await stderr}");
            }
            using var json = JsonDocument.Parse(output);
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => new HtmlError(
                    DocumentOf(m, files),
                    m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
                    m.GetProperty("message").GetString() ?? "",
                    m.TryGetProperty("extract", out var extract) ? extract.GetString() : null))];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string DocumentOf(JsonElement message, Dictionary<string, string> files) =>
        message.TryGetProperty("url", out var url) && files.TryGetValue(Path.GetFileName(url.GetString() ?? ""), out var name)
            ? name
            : "(no document)";
}

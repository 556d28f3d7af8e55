using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// The interface text of every language but the default, read once at start from the resource files
/// (<c>Resources/Area.lang.resx</c>: standard .resx that translation tools open) in the content root. The key is the
/// English text itself, so English needs no file and a page reads as what it says. Files are read at start rather than
/// compiled into satellite assemblies so that a language is added by adding files (decision 016).
/// </summary>
public sealed class InterfaceText
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;
    private readonly ConcurrentDictionary<(string Language, string Key), bool> _missing = new();
    private readonly ILogger<InterfaceText> _logger;

    public InterfaceText(IOptions<LanguageOptions> options, IWebHostEnvironment environment, PortalLanguages languages,
        ILogger<InterfaceText> logger)
    {
        _logger = logger;
        var folder = Path.Combine(environment.ContentRootPath, options.Value.ResourcesPath);
        var texts = languages.All.Where(l => !l.IsDefault).ToDictionary(l => l.Code, _ => new Dictionary<string, string>(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.resx").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0 || !texts.TryGetValue(name[(dot + 1)..], out var entries))
                {
                    continue;
                }
                foreach (var (key, value) in Read(file))
                {
                    if (entries.TryGetValue(key, out var earlier) && earlier != value)
                    {
                        throw new InvalidOperationException(
                            $"The interface text \"{key}\" has two different translations in {Path.GetFileName(file)} and an earlier file.");
                    }
                    entries[key] = value;
                }
            }
        }
        _byLanguage = texts.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        Languages = languages;
    }

    public PortalLanguages Languages { get; }

    /// <summary>The text in the language, or null where the language is the default or has no translation of it.</summary>
    public string? Find(PortalLanguage language, string key) =>
        !language.IsDefault && _byLanguage.TryGetValue(language.Code, out var entries) && entries.TryGetValue(key, out var value)
            ? value
            : null;

    /// <summary>Notes, once per language and key, that a page asked for a text the language lacks; tests read the list.</summary>
    public void NoteMissing(PortalLanguage language, string key)
    {
        if (_missing.TryAdd((language.Code, key), true))
        {
            _logger.LogWarning("No {Language} translation of the interface text {Key}", language.Code, key);
        }
    }

    /// <summary>Every (language, key) asked for since start without a translation.</summary>
    public IReadOnlyCollection<(string Language, string Key)> Missing => [.. _missing.Keys];

    /// <summary>The entries of one language, for tests and the pseudo-language.</summary>
    public IReadOnlyDictionary<string, string> EntriesOf(string language) =>
        _byLanguage.TryGetValue(language, out var entries) ? entries : FrozenDictionary<string, string>.Empty;

    /// <summary>A .resx file's &lt;data name="..."&gt;&lt;value&gt;...&lt;/value&gt;&lt;/data&gt; entries.</summary>
    public static IEnumerable<(string Key, string Value)> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .Select(data => ((string?)data.Attribute("name") ?? "", (string?)data.Element("value") ?? ""))
            .Where(entry => entry.Item1.Length > 0);
}

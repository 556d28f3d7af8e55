using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using Npgsql;
using NpgsqlTypes;

namespace MigrationProfile.Web.Importing;

/// <summary>
/// The history records of an import's figures: the same records an editor's save writes (<see cref="ContentHistory"/>:
/// every recorded field in <see cref="FieldValues.ToText"/>'s text, the changed fields with old and new text, the
/// <see cref="IHistoryTracked.HistoryLabel"/>), authored by the run, built from the rows the apply statement returns
/// and written with one COPY. Typed reads and a JSON writer keep it cheap for 100 000 figures.
/// </summary>
internal sealed class ImportHistory(AppDbContext db, ImportRun run)
{
    private static readonly JsonWriterOptions s_json = new()
    {
        // As ImportStaging.Json writes text: readable, and jsonb stores the same value either way.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // The fields an editor's save records, in its order, each with a typed read of its column.
    private readonly IReadOnlyList<(IProperty Property, Func<NpgsqlDataReader, int, object?> Read)> _fields =
        [.. db.Model.FindEntityType(typeof(Observation))!.GetProperties().Where(FieldValues.IsRecorded).Select(p => (p, ReaderFor(p)))];

    private readonly List<Figure> _figures = [];

    // Texts of the row read before: equal texts share one string, so 100 000 figures of one run hold little.
    private string?[] _previous = [];

    private sealed record Figure(ChangeAction Action, int Id, int CountryId, string Label, string?[] After, string?[]? Before);

    /// <summary>When every record of the run says it changed.</summary>
    public DateTimeOffset ChangedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The select list for figures read as <paramref name="after"/> (with the indicator as <c>i</c> and the source as
    /// <c>src</c>) and, for a changed figure, as <paramref name="before"/>; null for a new one.
    /// </summary>
    public string Columns(string after, string? before)
    {
        var columns = new List<string> { before is null ? "0" : "1", $"{after}.id", $"{after}.country_id", "i.name", "src.short_name" };
        columns.AddRange(_fields.Select(f => $"{after}.{f.Property.GetColumnName()}"));
        columns.AddRange(_fields.Select(f => before is null ? "NULL" : $"{before}.{f.Property.GetColumnName()}"));
        return string.Join(", ", columns);
    }

    /// <summary>Keeps the record of the row the reader is on (selected with <see cref="Columns"/>).</summary>
    public void Add(NpgsqlDataReader reader)
    {
        const int first = 5;
        var values = new object?[_fields.Count];
        var after = new string?[_fields.Count];
        for (var i = 0; i < _fields.Count; i++)
        {
            values[i] = _fields[i].Read(reader, first + i);
            after[i] = Shared(i, FieldValues.ToText(values[i]));
        }
        _previous = after;
        string?[]? before = null;
        if (reader.GetInt32(0) == 1)
        {
            before = new string?[_fields.Count];
            for (var i = 0; i < _fields.Count; i++)
            {
                before[i] = FieldValues.ToText(_fields[i].Read(reader, first + _fields.Count + i));
            }
        }
        // The label as an editor's save writes it, from the entity's own property.
        var figure = new Observation
        {
            Indicator = new IndicatorDefinition { Code = "", Name = reader.GetString(3) },
            Source = new Source { ShortName = reader.GetString(4), FullName = "" },
            Series = (string)Value(values, nameof(Observation.Series))!,
            PeriodYear = (int?)Value(values, nameof(Observation.PeriodYear)),
            PeriodQuarter = (int?)Value(values, nameof(Observation.PeriodQuarter)),
        };
        _figures.Add(new Figure(before is null ? ChangeAction.Created : ChangeAction.Updated, reader.GetInt32(1), reader.GetInt32(2),
            ((IHistoryTracked)figure).HistoryLabel, after, before));
    }

    /// <summary>Writes the records kept so far.</summary>
    public async Task CopyAsync(CancellationToken cancellationToken)
    {
        if (_figures.Count == 0)
        {
            return;
        }
        var author = ImportStaging.Truncate($"Import run #{run.Id}: {ImportSources.Title(run.Format)}, {run.StartedBy}", FieldLimits.Name);
        var buffer = new ArrayBufferWriter<byte>(4096);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY change_records (changed_at, user_id, user_name, import_run_id, action, entity_type, entity_id, country_id, " +
            "label, changes_json, snapshot_json) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var figure in _figures)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(ChangedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await ImportStaging.WriteNullableAsync(writer, run.StartedByUserId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(author, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(run.Id, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(figure.Action.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(nameof(Observation), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(figure.Id, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(figure.CountryId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(figure.Label, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ChangesJson(figure, buffer), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(SnapshotJson(figure, buffer), NpgsqlDbType.Jsonb, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
        _figures.Clear();
    }

    // [{ "field", "old", "new" }] for each field whose text differs, as ContentHistory lists them.
    private string ChangesJson(Figure figure, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, s_json))
        {
            json.WriteStartArray();
            for (var i = 0; i < _fields.Count; i++)
            {
                var old = figure.Before?[i];
                if (old == figure.After[i])
                {
                    continue;
                }
                json.WriteStartObject();
                json.WriteString("field", _fields[i].Property.Name);
                WriteText(json, "old", old);
                WriteText(json, "new", figure.After[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // { "Field": "text" } for every recorded field.
    private string SnapshotJson(Figure figure, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, s_json))
        {
            json.WriteStartObject();
            for (var i = 0; i < _fields.Count; i++)
            {
                WriteText(json, _fields[i].Property.Name, figure.After[i]);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, text);
        }
    }

    private string? Shared(int field, string? text) =>
        _previous.Length > field && string.Equals(_previous[field], text, StringComparison.Ordinal) ? _previous[field] : text;

    private object? Value(object?[] values, string property)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (_fields[i].Property.Name == property)
            {
                return values[i];
            }
        }
        throw new InvalidOperationException($"{property} is not a recorded field");
    }

    // A column read as the entity's own CLR type, so FieldValues.ToText sees what an editor's save would.
    private static Func<NpgsqlDataReader, int, object?> ReaderFor(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (property.GetValueConverter() is not null)
        {
            throw new NotSupportedException($"{property.Name} has a value converter: read it in {nameof(ImportHistory)}");
        }
        var read = typeof(ImportHistory).GetMethod(nameof(ReadAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type);
        return read.CreateDelegate<Func<NpgsqlDataReader, int, object?>>();
    }

    private static object? ReadAs<T>(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

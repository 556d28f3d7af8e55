using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// Every event a portal logs, for a test to read: register it as an <see cref="ILogEventSink"/> in the portal's
/// services and the portal's Serilog pipeline writes to it (ReadFrom.Services).
/// </summary>
public sealed class CollectingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

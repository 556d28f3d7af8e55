using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MigrationProfile.Tests.Load;

/// <summary>What wrk reported: every request, and every answer that was not 2xx or never came.</summary>
public sealed record WrkReport(long Requests, long Responses, long NotSuccess, string NotSuccessStatuses,
    long ConnectErrors, long ReadErrors, long WriteErrors, long Timeouts, string Output)
{
    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;
}

/// <summary>
/// Debian's wrk as a process against the portal's socket for a bounded time, requesting the given paths in turn
/// through <c>public-pages.lua</c>, which counts every answer other than 2xx (scripts/test.sh installs wrk).
/// </summary>
public sealed partial class WrkRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reading;

    private WrkRun(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(CopyAsync(process.StandardOutput), CopyAsync(process.StandardError));
    }

    public bool IsRunning => !_process.HasExited;

    /// <summary>What wrk has printed so far, to say why it ended early.</summary>
    public string OutputSoFar
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts wrk for at most <paramref name="duration"/>; <see cref="StopAsync"/> ends it sooner.</summary>
    public static WrkRun Start(Uri address, IReadOnlyList<string> paths, TimeSpan duration, int connections)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s",
            "-s", Path.Combine(AppContext.BaseDirectory, "Load", "public-pages.lua"),
            new Uri(address, paths[0]).ToString(), "--",
        }.Concat(paths))
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            return new WrkRun(Process.Start(start) ?? throw new InvalidOperationException("wrk did not start."));
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "wrk is not installed. Run the tests with scripts/test.sh, which installs Debian's wrk, or apt-get install wrk.", exception);
        }
    }

    /// <summary>Stops wrk as Ctrl-C does (it then reports what it did so far) and reads its report.</summary>
    public async Task<WrkReport> StopAsync(TimeSpan limit)
    {
        if (!_process.HasExited)
        {
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        }
        return await WaitAsync(limit);
    }

    /// <summary>Waits for wrk to finish (killing it after <paramref name="limit"/>) and reads its report.</summary>
    public async Task<WrkReport> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wrk was still running after {limit}; output so far: {_output}");
        }
        await _reading;
        var output = _output.ToString();
        var match = ReportLine().Match(output);
        Assert.True(_process.ExitCode == 0 && match.Success, $"wrk exited with {_process.ExitCode} and no report: {output}");
        long Number(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkReport(Number("requests"), Number("responses"), Number("not2xx"), match.Groups["statuses"].Value,
            Number("connect"), Number("read"), Number("write"), Number("timeout"), output);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private async Task CopyAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"^LOAD requests=(?<requests>\d+) responses=(?<responses>\d+) not2xx=(?<not2xx>\d+) statuses=(?<statuses>\S+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+)$", RegexOptions.Multiline)]
    private static partial Regex ReportLine();
}

using System.Diagnostics;

namespace IessClave.Bench.Hosting;

/// <summary>
/// A server the harness starts as its own process (the app, or the bare host), with its output in a log file and
/// its pid in pids.txt so run.sh can clean up even if the harness dies. Disposing kills it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public int Pid => process.Id;

    /// <summary>Starts the server and waits until it answers; a server that exits at start (a port still held) is retried.</summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string workDir, IEnumerable<string> arguments, Uri readyUrl, string logDir, TimeSpan timeout)
    {
        var args = arguments.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var server = await LaunchAsync(name, workDir, args, logDir);
            try
            {
                await server.WaitReadyAsync(readyUrl, timeout);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
        }
    }

    private static async Task<ServerProcess> LaunchAsync(string name, string workDir, IEnumerable<string> arguments, string logDir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        Directory.CreateDirectory(logDir);
        var log = new StreamWriter(Path.Combine(logDir, name + ".log"), append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + name);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await File.AppendAllTextAsync(Path.Combine(logDir, "pids.txt"), process.Id + Environment.NewLine);
        return new ServerProcess(name, process, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the last lines of a killed server
            }
        }
    }

    private async Task WaitReadyAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not answer {url} within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}

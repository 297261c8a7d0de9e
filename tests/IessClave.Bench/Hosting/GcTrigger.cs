using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace IessClave.Bench.Hosting;

/// <summary>
/// Makes another .NET process run a full, blocking GC without any code of its own: an EventPipe session with the
/// runtime's GCHeapCollect keyword induces one (this is how dotnet-gcdump works). Used before reading RSS, for
/// the app and the bare host alike.
/// </summary>
public static class GcTrigger
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task CollectAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = client.StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 16);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await session.StopAsync(CancellationToken.None);
        await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(5)));
    }
}

using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Bench.Load;

/// <summary>
/// N real SignalR clients in this process: WebSockets only, no negotiation, on loopback. Their WebSocket
/// upgrades share one <see cref="SocketsHttpHandler"/>, so 10,000 connections cost 10,000 sockets and no more.
/// </summary>
public sealed class ClientSwarm : IAsyncDisposable
{
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler { UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(30) });
    private TaskCompletionSource<DateTime> firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClientSwarm(IReadOnlyList<SwarmClient> clients) => Clients = clients;

    public IReadOnlyList<SwarmClient> Clients { get; }

    public int Failed { get; private set; }

    public TimeSpan ConnectTime { get; private set; }

    /// <summary>Completes when any client gets its first frame after <see cref="ResetFirstFrame"/>.</summary>
    public Task<DateTime> FirstFrame => firstFrame.Task;

    public void ResetFirstFrame() => firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="cookies">One per client (the ticket cookie against the app), or nulls against the bare host.</param>
    public static async Task<ClientSwarm> ConnectAsync(
        Uri hubUrl, IReadOnlyList<(long TicketId, string? Cookie)> who, bool followQueue, int concurrency, Action<string> progress)
    {
        var swarm = new ClientSwarm(who.Select((w, i) => new SwarmClient(i, w.TicketId)).ToList());
        var watch = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(swarm.Clients, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (client, ct) =>
        {
            if (!await swarm.TryConnectAsync(client, hubUrl, who[client.Index].Cookie, followQueue))
            {
                lock (swarm)
                {
                    swarm.Failed++;
                }
            }

            if (Interlocked.Increment(ref done) % 1000 == 0)
            {
                progress($"  {done}/{who.Count} connected ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        });
        swarm.ConnectTime = watch.Elapsed;
        return swarm;
    }

    private async Task<bool> TryConnectAsync(SwarmClient client, Uri hubUrl, string? cookie, bool followQueue)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hubUrl, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        var ws = new ClientWebSocket();
                        if (cookie is not null)
                        {
                            ws.Options.SetRequestHeader("Cookie", cookie);
                        }

                        await ws.ConnectAsync(context.Uri, invoker, ct);
                        return ws;
                    };
                })
                .Build();
            connection.ServerTimeout = TimeSpan.FromMinutes(2);
            client.Listen(connection, followQueue, () => firstFrame.TrySetResult(DateTime.UtcNow));
            try
            {
                await connection.StartAsync();
                return true;
            }
            catch (Exception ex) when (ex is HttpRequestException or WebSocketException or IOException or TimeoutException or OperationCanceledException)
            {
                await connection.DisposeAsync();
                client.Connection = null;
                await Task.Delay(200 * attempt);
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(Clients, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (client, _) =>
        {
            if (client.Connection is { } connection)
            {
                await connection.DisposeAsync();
            }
        });
        invoker.Dispose();
    }
}

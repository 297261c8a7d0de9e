using System.Net;
using System.Net.Http.Json;
using IessClave.Testing;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Support;

/// <summary>An affiliate in the queue: the ticket cookie from the join API and a REAL WebSocket SignalR connection.</summary>
public sealed class AffiliateQueueClient : IAsyncDisposable
{
    private AffiliateQueueClient(PostgresApp app, string cookie, TicketSnapshot joined)
    {
        App = app;
        Cookie = cookie;
        Joined = joined;
    }

    public PostgresApp App { get; }
    public string Cookie { get; }
    public TicketSnapshot Joined { get; }
    public HubConnection? Hub { get; private set; }
    public QueuePositionFollower Follower { get; } = new();
    public List<TicketSnapshot> Changes { get; } = [];

    public static async Task<HttpResponseMessage> PostJoinAsync(PostgresApp app, LockedAffiliate who, bool disability = false, string? birthDate = null)
    {
        using var http = app.Factory.CreateDefaultClient();
        return await http.PostAsJsonAsync("/api/v1/queue/tickets", new
        {
            identification = who.Identification,
            birthDate = birthDate ?? who.BirthDate.ToString("yyyy-MM-dd"),
            robotProof = await app.RobotProofAsync(http),
            declaresDisability = disability,
        });
    }

    public static async Task<AffiliateQueueClient> JoinAsync(PostgresApp app, LockedAffiliate who, bool disability = false, bool connect = true)
    {
        var response = await PostJoinAsync(app, who, disability);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var client = new AffiliateQueueClient(app, cookie, (await response.Content.ReadFromJsonAsync<TicketSnapshot>())!);
        if (connect)
        {
            await client.ConnectAsync();
        }

        return client;
    }

    public async Task ConnectAsync()
    {
        // The hub marks the ticket connected (claimable) and then sends the first snapshot; StartAsync may return
        // before that, so wait for the snapshot: afterwards the server has done all of its connecting.
        var firstSnapshot = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hub = HubConnections.Create(App, QueueFeature.AffiliateHubPath, Cookie);
        Hub.On<TicketSnapshot>("Snapshot", s =>
        {
            firstSnapshot.TrySetResult();
            return OnSnapshotAsync(s);
        });
        Hub.On<TicketSnapshot>("TicketChanged", s =>
        {
            lock (Changes)
            {
                Changes.Add(s);
            }

            return OnSnapshotAsync(s);
        });
        Hub.On<QueueFrame>("Frame", async f =>
        {
            if (!Follower.Apply(f))
            {
                Follower.Apply(await Hub.InvokeAsync<TicketSnapshot>("Resync"));
            }
        });
        await Hub.StartAsync();
        await firstSnapshot.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task OnSnapshotAsync(TicketSnapshot s)
    {
        Follower.Apply(s);
        if (s.Status == "Pending" && Hub is { } hub)
        {
            // As queue.js does: the node had not seen the ticket yet; ask again shortly.
            await Task.Delay(1000);
            Follower.Apply(await hub.InvokeAsync<TicketSnapshot>("Resync"));
        }
    }

    public async Task DisconnectAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
            Hub = null;
        }
    }

    public ValueTask DisposeAsync() => new(DisconnectAsync());
}

public static class HubConnections
{
    /// <summary>WebSockets only, through the test server (no silent fall-back to long polling).</summary>
    public static HubConnection Create(PostgresApp app, string path, string cookie)
    {
        var server = app.Factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = server.CreateWebSocketClient();
                    ws.ConfigureRequest = r => r.Headers["Cookie"] = cookie;
                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
    }
}

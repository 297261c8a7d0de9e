using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.SignalR;

namespace IessClave.Bench.Bare;

/// <summary>
/// The floor P1 is measured against: a minimal ASP.NET Core host with one SignalR hub and nothing else (no auth,
/// no database). Once started, it sends the app's frame shape (<see cref="QueueFrame"/>, same JSON) to one group
/// holding every connection, at the app's interval. Runs as its own process: `IessClave.Bench bare-server`.
/// </summary>
public static class BareHubServer
{
    public const string Verb = "bare-server";
    public const string HubPath = "/hubs/bare";
    public const string Group = "waiting";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BareFrameSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BareFrameSender>());
        var app = builder.Build();
        app.MapHub<BareHub>(HubPath);
        app.MapGet("/ready", () => "ok");
        app.MapPost("/frames/start", (int events, int intervalMs, BareFrameSender sender) =>
        {
            sender.Start(events, TimeSpan.FromMilliseconds(intervalMs));
            return "started";
        });
        app.MapPost("/frames/stop", (BareFrameSender sender) =>
        {
            sender.Stop();
            return "stopped";
        });
        await app.RunAsync();
        return 0;
    }
}

public sealed class BareHub : Hub
{
    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, BareHubServer.Group);
}

/// <summary>Every interval while started: one frame with <c>events</c> departures to the whole group.</summary>
public sealed class BareFrameSender(IHubContext<BareHub> hub) : BackgroundService
{
    private volatile Settings? settings;
    private long nextEventId = 1_000_000;
    private long nextTicketId = 1;

    public void Start(int events, TimeSpan interval) => settings = new Settings(Math.Max(0, events), interval);

    public void Stop() => settings = null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (settings is not { } now)
            {
                await Task.Delay(20, stoppingToken);
                continue;
            }

            using var timer = new PeriodicTimer(now.Interval);
            do
            {
                await hub.Clients.Group(BareHubServer.Group).SendAsync("Frame", NextFrame(now.Events), stoppingToken);
            }
            while (settings == now && await timer.WaitForNextTickAsync(stoppingToken));
        }
    }

    private QueueFrame NextFrame(int events)
    {
        var after = nextEventId;
        var departures = new long[events][];
        for (var i = 0; i < events; i++)
        {
            departures[i] = [0, nextTicketId++, -1];
        }

        nextEventId += events;
        return new QueueFrame(after, nextEventId, departures, 360, 4);
    }

    private sealed record Settings(int Events, TimeSpan Interval);
}

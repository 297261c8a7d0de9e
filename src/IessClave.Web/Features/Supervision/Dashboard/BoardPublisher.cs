using Microsoft.AspNetCore.SignalR;

namespace IessClave.Web.Features.Supervision.Dashboard;

/// <summary>Every <see cref="Interval"/>, while someone watches, sends the same board to every open board page.</summary>
public sealed class BoardPublisher(
    IServiceScopeFactory scopes,
    BoardWatchers watchers,
    IHubContext<SupervisionHub, ISupervisionClient> hub,
    ILogger<BoardPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (watchers.Count == 0)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var snapshot = await scope.ServiceProvider.GetRequiredService<SupervisionBoard>().SnapshotAsync(stoppingToken);
                await hub.Clients.Group(SupervisionHub.Group).Board(snapshot);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Supervision board update failed; retrying next interval");
            }
        }
    }
}

using System.Diagnostics;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>
/// Once per interval: reads new queue events, applies them to <see cref="QueueState"/> and, if anything changed,
/// sends ONE frame to the whole waiting group and one overview to the agents. The cost per change does not depend
/// on how many people wait. Every node runs one, each for its own connections, all reading the same events.
/// </summary>
public sealed class QueueBroadcaster(
    IServiceScopeFactory scopes,
    QueueState state,
    IHubContext<QueueHub, IQueueClient> affiliates,
    IHubContext<AgentQueueHub, IAgentQueueClient> agents,
    IOptions<QueueOptions> options,
    ILogger<QueueBroadcaster> logger) : BackgroundService
{
    public const string WaitingGroup = "waiting";
    public const string AgentsGroup = "agents";
    private const int MaxEventsPerFrame = 10_000;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim ticking = new(1, 1);
    private readonly QueueEventCursor cursor = new();
    private DateTime lastSweep = DateTime.MinValue;
    private long lastTickTimestamp = Stopwatch.GetTimestamp();

    // The read every interval runs, compiled once: no expression tree to build and look up in EF's query cache each
    // time. Per broadcaster, not static, because each host has its own model (provider).
    private readonly Func<IessClaveDbContext, long, IAsyncEnumerable<QueueEvent>> eventsAfter = EF.CompileAsyncQuery(
        (IessClaveDbContext db, long after) => db.QueueEvents.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(MaxEventsPerFrame));

    public (int AvgServiceSeconds, int AgentsAvailable) Stats { get; private set; } = (360, 0);

    /// <summary>Since the last tick that completed (or since start): the health check's view of this loop.</summary>
    public TimeSpan SinceLastTick => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastTickTimestamp));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FrameInterval);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queue frame failed; retrying next interval");
                state.Invalidate();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One interval's work; public so tests can drive it deterministically (calls never overlap).</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        await ticking.WaitAsync(ct);
        try
        {
            await TickCoreAsync(ct);
            Interlocked.Exchange(ref lastTickTimestamp, Stopwatch.GetTimestamp());
        }
        finally
        {
            ticking.Release();
        }
    }

    private async Task TickCoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClaveDbContext>();
        var statistics = scope.ServiceProvider.GetRequiredService<QueueStatistics>();
        if (!state.Loaded)
        {
            await LoadAsync(db, ct);
            Stats = await statistics.MeasureAsync(ct);
        }

        if (DateTime.UtcNow - lastSweep > SweepEvery)
        {
            lastSweep = DateTime.UtcNow;
            await scope.ServiceProvider.GetRequiredService<QueueTicketService>().ExpireDisconnectedAsync(options.Value.ReconnectGrace, ct);
            // Agents who signed out or went away elsewhere change the ETA even when nobody moves.
            await RefreshStatsCoreAsync(statistics, ct);
        }

        var after = state.AsOf;
        var events = cursor.Accept(await eventsAfter(db, after).ToListAsync(ct), after);
        if (events.Count == 0)
        {
            return;
        }

        var arrivals = events.Where(e => e.Delta > 0).Select(e => e.TicketId).ToList();
        var joined = await db.QueueTickets.AsNoTracking().Where(t => arrivals.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.JoinedAt, ct);
        var upTo = events[^1].Id;
        state.Apply(events, upTo, id => joined.GetValueOrDefault(id, events[0].At));
        Stats = await statistics.MeasureAsync(ct);

        var frame = new QueueFrame(after, upTo, [.. events.Select(e => new[] { (long)e.Lane, e.TicketId, e.Delta })], Stats.AvgServiceSeconds, Stats.AgentsAvailable);
        await affiliates.Clients.Group(WaitingGroup).Frame(frame);
        await agents.Clients.Group(AgentsGroup).Overview(Overview());
    }

    /// <summary>
    /// Agents came or went: re-measure and, if the ETA inputs changed, send one stats-only frame (no events,
    /// After = UpTo = the current position in the stream) to everybody waiting, and the overview to the agents.
    /// </summary>
    public async Task RefreshStatsAsync(CancellationToken ct)
    {
        await ticking.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RefreshStatsCoreAsync(scope.ServiceProvider.GetRequiredService<QueueStatistics>(), ct);
        }
        finally
        {
            ticking.Release();
        }
    }

    private async Task RefreshStatsCoreAsync(QueueStatistics statistics, CancellationToken ct)
    {
        var measured = await statistics.MeasureAsync(ct);
        if (measured == Stats || !state.Loaded)
        {
            return;
        }

        Stats = measured;
        await affiliates.Clients.Group(WaitingGroup).Frame(new QueueFrame(state.AsOf, state.AsOf, [], Stats.AvgServiceSeconds, Stats.AgentsAvailable));
        await agents.Clients.Group(AgentsGroup).Overview(Overview());
    }

    public QueueOverview Overview()
    {
        var (standard, priority, oldest, asOf) = state.Overview();
        return new QueueOverview(standard, priority, oldest, Stats.AgentsAvailable, asOf);
    }

    private async Task LoadAsync(IessClaveDbContext db, CancellationToken ct)
    {
        // One snapshot: the waiting set and the last event id are read in the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var asOf = await db.QueueEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var waiting = await db.QueueTickets.AsNoTracking().Where(t => t.Status == TicketStatus.Waiting)
            .Select(t => new { t.Lane, t.Id, t.JoinedAt }).ToListAsync(ct);
        await tx.CommitAsync(ct);
        state.Load(waiting.Select(w => (w.Lane, w.Id, w.JoinedAt)), asOf);
    }
}

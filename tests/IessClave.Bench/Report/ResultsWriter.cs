using System.Globalization;
using System.Text;
using IessClave.Bench.Claims;
using IessClave.Bench.Load;

namespace IessClave.Bench.Report;

/// <summary>results/latest.md: one table per goal, with the goal, the figures, the ratio and PASS/MISS.</summary>
public static class ResultsWriter
{
    public const double CpuGoal = 1.3;
    public const double FrameTolerance = 0.05;
    public const double MemoryRatioGoal = 1.2;
    public const double MemoryKbGoal = 50;
    public const double ClaimRatioGoal = 2;

    public static string Markdown(BenchOptions o, RunContext c, IReadOnlyList<P1Result> p1, IReadOnlyDictionary<int, string> loads, P2Result? p2, string loadAtEnd)
    {
        var md = new StringBuilder();
        var t = o.FrameInterval.TotalMilliseconds;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results — {c.StartedAt:yyyy-MM-dd HH:mm zzz}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {c.Machine}; {c.Runtime}; {c.Postgres} (private cluster on 127.0.0.1).");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1, 5, 15 min) at start: {c.LoadAtStart}; at the end: {loadAtEnd}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- D = {F(o.Rate)} claims/s by {o.Agents} agents, T = {F(t)} ms, window W = {F(o.Window.TotalSeconds)} s per phase; expected frames per client per second min(D, 1/T) = {F(o.ExpectedFramesPerSecond)}.");
        if (p1.Count > 0)
        {
            P1(md, t, p1, loads);
        }

        if (p2 is not null)
        {
            P2(md, p2, o);
        }

        return md.ToString();
    }

    private static void P1(StringBuilder md, double t, IReadOnlyList<P1Result> p1, IReadOnlyDictionary<int, string> loads)
    {
        md.AppendLine();
        md.AppendLine("## P1 — CPU per queue update delivered, app vs bare hub (goal ≤ 1.3×)");
        md.AppendLine();
        md.AppendLine("| N | app µs CPU / delivery | bare µs CPU / delivery | ratio | result |");
        md.AppendLine("|---:|---:|---:|---:|---|");
        foreach (var r in p1)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.N:N0} | {F(r.App.CpuMicrosPerDelivery)} | {F(r.Bare.CpuMicrosPerDelivery)} | {F(r.CpuRatio, 2)}× | {Verdict(r.CpuRatio <= CpuGoal)} |");
        }

        md.AppendLine();
        md.AppendLine("Where the CPU goes (no goal), in CPU ms per second of the server: *alone* = the app idle with nobody connected;");
        md.AppendLine("*claim work* = the app taking callers at D with nobody connected, less *alone*; *idle N* = idle with the N clients");
        md.AppendLine("connected; *window* = the measured window; *fan-out* = window − idle N − claim work (bare: window − idle N).");
        md.AppendLine();
        md.AppendLine("| N | app alone | app claim work | app idle N | app window | app fan-out | bare idle N | bare window | bare fan-out | fan-out ratio per delivery |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in p1)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.N:N0} | {F(r.Checks.IdleAloneCpuMillisPerSecond)} | {F(r.Checks.ClaimWorkCpuMillisPerSecond)} | {F(r.App.IdleCpuMillisPerSecond)} | {F(r.App.Window.ServerCpuSeconds * 1000 / r.App.Window.Seconds)} | {F(r.AppFanOutCpuMillisPerSecond)} | {F(r.Bare.IdleCpuMillisPerSecond)} | {F(r.Bare.Window.ServerCpuSeconds * 1000 / r.Bare.Window.Seconds)} | {F(r.BareFanOutCpuMillisPerSecond)} | {F(r.FanOutOnlyRatio, 2)}× |");
        }

        md.AppendLine();
        md.AppendLine("## P1 — frames delivered vs N·min(D, 1/T)·W (goal 1.00 ± 0.05)");
        md.AppendLine();
        md.AppendLine("| N | expected | app delivered | app ratio | result | bare delivered | bare ratio |");
        md.AppendLine("|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in p1)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.N:N0} | {r.App.ExpectedDeliveries:N0} | {r.App.Deliveries:N0} | {F(r.App.FrameRatio, 3)} | {Verdict(Math.Abs(r.App.FrameRatio - 1) <= FrameTolerance)} | {r.Bare.Deliveries:N0} | {F(r.Bare.FrameRatio, 3)} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## P1 — staleness, change committed → frame at the client (goal p99 ≤ T + 100 ms = {F(t + 100)} ms)");
        md.AppendLine();
        md.AppendLine("| N | samples | p50 ms | p99 ms | max ms | result | clients checked | wrong positions | wrong states | resyncs |");
        md.AppendLine("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var r in p1)
        {
            var k = r.Checks;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.N:N0} | {k.StalenessSamples:N0} | {F(k.StalenessP50Ms)} | {F(k.StalenessP99Ms)} | {F(k.StalenessMaxMs)} | {Verdict(k.StalenessP99Ms <= t + 100)} | {k.PositionsChecked:N0} | {k.PositionMismatches} | {k.StatusMismatches} | {k.Resyncs} |");
        }

        md.AppendLine();
        md.AppendLine("## P1b — server memory per waiting connection, after an induced full GC (goal ≤ 1.2× bare and ≤ 50 kB)");
        md.AppendLine();
        md.AppendLine("Private (RssAnon) delta from /proc/PID/status divided by N; whole-RSS figures for reference.");
        md.AppendLine();
        md.AppendLine("| N | app kB / conn | bare kB / conn | ratio | result | app RSS kB / conn | bare RSS kB / conn |");
        md.AppendLine("|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in p1)
        {
            var appKb = r.App.Memory.AnonPerConnectionKb;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.N:N0} | {F(appKb)} | {F(r.Bare.Memory.AnonPerConnectionKb)} | {F(r.MemoryRatio, 2)}× | {Verdict(r.MemoryRatio <= MemoryRatioGoal && appKb <= MemoryKbGoal)} | {F(r.App.Memory.RssPerConnectionKb)} | {F(r.Bare.Memory.RssPerConnectionKb)} |");
        }

        md.AppendLine();
        md.AppendLine("## P1 — context of each phase (both cores = 100 %)");
        md.AppendLine();
        md.AppendLine("| N | load at phase start | machine busy app / bare | CPU s app / bare | PostgreSQL CPU s (app) | harness CPU s app / bare | connect s app / bare | failed connects | claims (achieved /s) | TakeNext over the hub p50 / p99 ms |");
        md.AppendLine("|---:|---|---|---|---:|---|---|---|---|---|");
        foreach (var r in p1)
        {
            var (a, b, k) = (r.App, r.Bare, r.Checks);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.N:N0} | {loads.GetValueOrDefault(r.N, "?")} | {F(a.Window.MachineBusyPercent, 0)} % / {F(b.Window.MachineBusyPercent, 0)} % | {F(a.Window.ServerCpuSeconds)} / {F(b.Window.ServerCpuSeconds)} | {F(a.Window.PostgresCpuSeconds ?? double.NaN)} | {F(a.Window.HarnessCpuSeconds)} / {F(b.Window.HarnessCpuSeconds)} | {F(a.ConnectSeconds)} / {F(b.ConnectSeconds)} | {a.Failed} / {b.Failed} | {k.Claims} ({F(k.ClaimsPerSecond, 2)}), {k.ClaimErrors} errors | {F(k.TakeP50Ms)} / {F(k.TakeP99Ms)} |");
        }
    }

    private static void P2(StringBuilder md, P2Result p2, BenchOptions o)
    {
        md.AppendLine();
        md.AppendLine("## P2 — claim latency vs a single-row UPDATE commit on the same database (goal ≤ 2×)");
        md.AppendLine();
        md.AppendLine("In-process against the database with the app's services. Claim = `AgentQueueService.TakeNextAsync` (\"Atender siguiente\", the");
        md.AppendLine("path around `ClaimNextTicket`'s `FOR UPDATE SKIP LOCKED`); floor = `UPDATE bench_floor SET n = n + 1 WHERE id = $1`, autocommit.");
        md.AppendLine();
        md.AppendLine("| agents at once | UPDATE p50 ms | claim p50 ms | p50 ratio | UPDATE p99 ms | claim p99 ms | p99 ratio | result |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        Row(md, p2.UpdateSingle, p2.ClaimSingle);
        Row(md, p2.UpdateConcurrent, p2.ClaimConcurrent);
        md.AppendLine();
        md.AppendLine("For the record (no goal): the claim statement alone, `ClaimNextTicket` in its own transaction:");
        md.AppendLine();
        md.AppendLine("| agents at once | statement p50 ms | p50 ratio to UPDATE | statement p99 ms | p99 ratio | statements / s |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (u, s) in new[] { (p2.UpdateSingle, p2.StatementSingle), (p2.UpdateConcurrent, p2.StatementConcurrent) })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Concurrency} | {F(s.P50Ms, 2)} | {F(s.P50Ms / u.P50Ms, 1)}× | {F(s.P99Ms, 2)} | {F(s.P99Ms / u.P99Ms, 1)}× | {F(s.PerSecond, 0)} |");
        }

        md.AppendLine();
        md.AppendLine("The same single-row UPDATE through the app's stack (DI scope + DbContext + EF `ExecuteUpdate`), for comparison (no goal):");
        md.AppendLine();
        md.AppendLine("| agents at once | EF UPDATE p50 ms | claim / EF UPDATE p50 | EF UPDATE p99 ms | claim / EF UPDATE p99 |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var (e, c) in new[] { (p2.EfUpdateSingle, p2.ClaimSingle), (p2.EfUpdateConcurrent, p2.ClaimConcurrent) })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {e.Concurrency} | {F(e.P50Ms, 2)} | {F(c.P50Ms / e.P50Ms, 1)}× | {F(e.P99Ms, 2)} | {F(c.P99Ms / e.P99Ms, 1)}× |");
        }

        if (p2.Statements is { } st)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"What one claim sends to PostgreSQL (pg_stat_statements over {st.Claims} claims): **{F(st.Total)} statements**: {F(st.App)} on the app's tables, {F(st.Hangfire)} on Hangfire's (the no-show job and the mail job), {F(st.Control)} BEGIN/COMMIT/DISCARD ALL (a pooled connection reopened, a transaction); {F(st.DbMillis, 2)} ms of execution in the database. Most frequent:");
            md.AppendLine();
            md.AppendLine("| per claim | statement |");
            md.AppendLine("|---:|---|");
            foreach (var (perClaim, query) in st.Top)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {F(perClaim)} | `{query.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal)}` |");
            }
        }

        var d = p2.Drain;
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## P2 — {d.Agents} concurrent agents drain {d.Tickets:N0} tickets (goal 0 double claims, 0 lost tickets)");
        md.AppendLine();
        md.AppendLine("| tickets | agents | seconds | claims / s | claims returned | double claims | lost tickets | take errors | result |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {d.Tickets:N0} | {d.Agents} | {F(d.Seconds)} | {F(d.ClaimsReturned / d.Seconds, 0)} | {d.ClaimsReturned:N0} | {d.DoubleClaims} | {d.LostTickets} | {d.TakeErrors} | {Verdict(d.DoubleClaims == 0 && d.LostTickets == 0)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Double claims = the same ticket returned twice to agents ({d.DuplicateClaimsReturned}) + tickets with two `queue.taken` audit events ({d.TicketsTakenTwiceInAudit}) + tickets with two departure events ({d.TicketsWithTwoDepartures}). Lost = still waiting ({d.StillWaiting}) + not completed ({d.NotCompleted}) + never returned to an agent ({d.TicketsNeverClaimed}), read from the database after the drain.");
        _ = o;
    }

    private static void Row(StringBuilder md, LatencySeries update, LatencySeries claim)
    {
        var p50 = claim.P50Ms / update.P50Ms;
        var p99 = claim.P99Ms / update.P99Ms;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {claim.Concurrency} | {F(update.P50Ms, 2)} | {F(claim.P50Ms, 2)} | {F(p50, 1)}× | {F(update.P99Ms, 2)} | {F(claim.P99Ms, 2)} | {F(p99, 1)}× | {Verdict(p50 <= ClaimRatioGoal && p99 <= ClaimRatioGoal)} |");
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "**MISS**";

    private static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "—" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

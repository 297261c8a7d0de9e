namespace IessClave.Bench.Claims;

/// <summary>p50/p99 in milliseconds of one series of timed operations.</summary>
public sealed record LatencySeries(string Name, int Concurrency, int Samples, double P50Ms, double P99Ms, double MeanMs, double PerSecond);

/// <summary>20 agents taking until the line is empty, and what the database says afterwards.</summary>
public sealed record DrainResult(
    int Tickets,
    int Agents,
    double Seconds,
    int ClaimsReturned,
    int DuplicateClaimsReturned,
    int TakeErrors,
    int StillWaiting,
    int NotCompleted,
    int TicketsTakenTwiceInAudit,
    int TicketsWithTwoDepartures,
    int TicketsNeverClaimed)
{
    public int DoubleClaims => DuplicateClaimsReturned + TicketsTakenTwiceInAudit + TicketsWithTwoDepartures;

    public int LostTickets => StillWaiting + NotCompleted + TicketsNeverClaimed;
}

public sealed record P2Result(
    LatencySeries UpdateSingle,
    LatencySeries UpdateConcurrent,
    LatencySeries ClaimSingle,
    LatencySeries ClaimConcurrent,
    LatencySeries StatementSingle,
    LatencySeries StatementConcurrent,
    LatencySeries EfUpdateSingle,
    LatencySeries EfUpdateConcurrent,
    ClaimStatements? Statements,
    DrainResult Drain);

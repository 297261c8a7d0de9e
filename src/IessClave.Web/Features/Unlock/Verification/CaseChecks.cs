using System.Globalization;
using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Unlock.Verification;

public sealed record CheckResult(bool Matched, int AttemptsLeft, string Message);

/// <summary>
/// Blind verification: the agent types what the caller says and learns only "coincide" / "no coincide" —
/// never the stored value. Each typed check allows a few attempts per case; every attempt is evidence, recorded
/// with the channel it was made on. A check that already passed in the case (on any channel) is not asked again.
/// </summary>
public sealed class CaseChecks(
    IessClaveDbContext db, CaseService cases, SecretHasher hasher, OneTimeCodes codes, AuditLog audit, IOptions<VerificationOptions> options, TimeProvider time)
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "ddMMyyyy"];

    /// <summary>On the case of the caller the agent is serving now.</summary>
    public async Task<CheckResult> CheckTypedAsync(Guid agentId, CheckKind kind, string? typed, CancellationToken ct)
    {
        if (InvalidInput(kind, typed) is { } invalid)
        {
            return invalid;
        }

        return await cases.CurrentForAgentAsync(agentId, ct) is { } current
            ? await CheckTypedAsync(current, agentId, kind, typed, ct)
            : new CheckResult(false, 0, "No tienes un caso activo.");
    }

    /// <summary>On a case the caller already proved the agent holds (the call's, or the window's).</summary>
    public async Task<CheckResult> CheckTypedAsync(UnlockCase current, Guid agentId, CheckKind kind, string? typed, CancellationToken ct)
    {
        if (InvalidInput(kind, typed) is { } invalid)
        {
            return invalid;
        }

        if (!ChannelRules.Applies(kind, current.Channel))
        {
            return new CheckResult(false, 0, "Esta verificación no aplica en este canal.");
        }

        var results = await db.CaseChecks.Where(c => c.CaseId == current.Id && c.Kind == kind).Select(c => c.Passed).ToListAsync(ct);
        var failures = results.Count(passed => !passed);
        var max = options.Value.MaxAttemptsPerCheck;
        if (results.Any(passed => passed))
        {
            return new CheckResult(true, Math.Max(0, max - failures), "Ya verificado en este caso.");
        }

        if (failures >= max)
        {
            return new CheckResult(false, 0, ChannelRules.IsCall(current.Channel)
                ? "Se agotaron los intentos de esta verificación. Rechaza el caso o derívalo a atención presencial."
                : "Se agotaron los intentos de esta verificación. Rechaza el caso.");
        }

        var matched = await MatchesAsync(current, kind, typed!, ct);
        await RecordAsync(current, agentId, kind, matched, ct);
        var left = matched ? max - failures : max - failures - 1;
        return new CheckResult(matched, left, matched ? "Coincide." : $"No coincide. Intentos restantes: {left}.");
    }

    public async Task<bool> ConfirmVisualAsync(Guid agentId, CheckKind kind, CancellationToken ct) =>
        ChannelRules.VisualChecks.Contains(kind) && await cases.CurrentForAgentAsync(agentId, ct) is { } current
        && await ConfirmVisualAsync(current, agentId, kind, ct);

    public async Task<bool> ConfirmVisualAsync(UnlockCase current, Guid agentId, CheckKind kind, CancellationToken ct)
    {
        if (!ChannelRules.VisualChecks.Contains(kind))
        {
            return false;
        }

        if (!await db.CaseChecks.AnyAsync(c => c.CaseId == current.Id && c.Kind == kind && c.Passed, ct))
        {
            await RecordAsync(current, agentId, kind, passed: true, ct);
        }

        return true;
    }

    private static CheckResult? InvalidInput(CheckKind kind, string? typed) =>
        !ChannelRules.TypedChecks.Contains(kind) || (typed?.Length ?? 0) is 0 or > 200
            ? new CheckResult(false, 0, "Dato no válido para esta verificación.")
            : null;

    private async Task<bool> MatchesAsync(UnlockCase current, CheckKind kind, string typed, CancellationToken ct)
    {
        var person = await db.Accounts.AsNoTracking().Where(a => a.Id == current.AccountId)
            .Select(a => new { a.SecurityAnswerHash, a.Affiliate.BirthDate, a.Affiliate.DocumentSerial }).SingleAsync(ct);
        return kind switch
        {
            CheckKind.BirthDate => DateOnly.TryParseExact(typed.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d == person.BirthDate,
            CheckKind.SecurityAnswer => hasher.VerifyAnswer(person.SecurityAnswerHash, typed),
            CheckKind.DocumentSerial => person.DocumentSerial is { } serial && string.Equals(serial, Compact(typed), StringComparison.OrdinalIgnoreCase),
            CheckKind.OneTimeCode => codes.Matches(current.OneTimeCodeProtected, typed),
            _ => false,
        };
    }

    private async Task RecordAsync(UnlockCase current, Guid agentId, CheckKind kind, bool passed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.CaseChecks.Add(new CaseCheck { CaseId = current.Id, Kind = kind, Passed = passed, AgentId = agentId, Channel = current.Channel, At = now });
        current.HeldAt = now;
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseChecked, current.AccountId, $"{kind}={(passed ? "match" : "no-match")}; channel={current.Channel}", current.Id);
        await db.SaveChangesAsync(ct);
    }

    private static string Compact(string value) => new(value.Where(char.IsAsciiLetterOrDigit).ToArray());
}

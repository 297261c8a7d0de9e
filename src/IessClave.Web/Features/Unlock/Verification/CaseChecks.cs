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
/// never the stored value. Each typed check allows a few attempts per case; every attempt is evidence.
/// </summary>
public sealed class CaseChecks(
    IessClaveDbContext db, CaseService cases, SecretHasher hasher, OneTimeCodes codes, AuditLog audit, IOptions<VerificationOptions> options, TimeProvider time)
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "ddMMyyyy"];

    public async Task<CheckResult> CheckTypedAsync(Guid agentId, CheckKind kind, string? typed, CancellationToken ct)
    {
        if (kind is CheckKind.FaceMatchesPhoto or CheckKind.DocumentLooksGenuine || (typed?.Length ?? 0) is 0 or > 200)
        {
            return new CheckResult(false, 0, "Dato no válido para esta verificación.");
        }

        var current = await cases.CurrentForAgentAsync(agentId, ct);
        if (current is null)
        {
            return new CheckResult(false, 0, "No tienes un caso activo.");
        }

        var failures = await db.CaseChecks.CountAsync(c => c.CaseId == current.Id && c.Kind == kind && !c.Passed, ct);
        var max = options.Value.MaxAttemptsPerCheck;
        if (failures >= max)
        {
            return new CheckResult(false, 0, "Se agotaron los intentos de esta verificación. Rechaza el caso o derívalo a atención presencial.");
        }

        var matched = await MatchesAsync(current, kind, typed!, ct);
        await RecordAsync(current, agentId, kind, matched, ct);
        var left = matched ? max - failures : max - failures - 1;
        return new CheckResult(matched, left, matched ? "Coincide." : $"No coincide. Intentos restantes: {left}.");
    }

    public async Task<bool> ConfirmVisualAsync(Guid agentId, CheckKind kind, CancellationToken ct)
    {
        if (kind is not (CheckKind.FaceMatchesPhoto or CheckKind.DocumentLooksGenuine) || await cases.CurrentForAgentAsync(agentId, ct) is not { } current)
        {
            return false;
        }

        await RecordAsync(current, agentId, kind, passed: true, ct);
        return true;
    }

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
        db.CaseChecks.Add(new CaseCheck { CaseId = current.Id, Kind = kind, Passed = passed, AgentId = agentId, At = time.GetUtcNow() });
        audit.Record(AuditActors.Agent, agentId.ToString(), AuditActions.CaseChecked, current.AccountId, $"{kind}={(passed ? "match" : "no-match")}", current.Id);
        await db.SaveChangesAsync(ct);
    }

    private static string Compact(string value) => new(value.Where(char.IsAsciiLetterOrDigit).ToArray());
}

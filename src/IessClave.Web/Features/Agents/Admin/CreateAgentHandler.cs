using IessClave.Web.Domain;
using IessClave.Web.Infrastructure.Audit;
using IessClave.Web.Infrastructure.Data;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Features.Agents.Admin;

public sealed record NewAgent(string? UserName, string? DisplayName, AgentRoles Roles, string? Password);

public sealed record FieldError(string Field, string Message);

public sealed record CreateAgentResult(AgentAccount? Agent, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Agent is not null;
}

/// <summary>
/// Creates a staff account with an initial password. It has no second factor yet: the first sign-in leads to
/// TOTP enrolment before any session exists. Used by the admin page and by the `create-admin` verb.
/// </summary>
public sealed class CreateAgentHandler(IessClaveDbContext db, SecretHasher hasher, AgentPasswordPolicy policy, AuditLog audit, TimeProvider time)
{
    public const int DisplayNameMaxLength = 100;
    public const AgentRoles AllRoles = AgentRoles.Agent | AgentRoles.Supervisor | AgentRoles.Admin;
    public const string UserNameTaken = "Ya existe una cuenta con ese usuario.";

    public async Task<CreateAgentResult> CreateAsync(NewAgent input, string actorType, string? actorId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var userName = AgentUserName.Normalize(input.UserName);
        if (userName is null)
        {
            errors.Add(new FieldError(nameof(NewAgent.UserName), "El usuario no es válido. " + AgentUserName.Rule));
        }

        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > DisplayNameMaxLength || displayName.Any(char.IsControl))
        {
            errors.Add(new FieldError(nameof(NewAgent.DisplayName), $"Escribe el nombre que verán los demás (hasta {DisplayNameMaxLength} caracteres)."));
        }

        if (input.Roles == AgentRoles.None || (input.Roles & ~AllRoles) != 0)
        {
            errors.Add(new FieldError(nameof(NewAgent.Roles), "Elige al menos un rol."));
        }

        errors.AddRange(policy.Check(input.Password, userName ?? input.UserName).Select(e => new FieldError(nameof(NewAgent.Password), e)));
        if (errors.Count == 0 && await db.Agents.AnyAsync(a => a.UserName == userName, ct))
        {
            errors.Add(new FieldError(nameof(NewAgent.UserName), UserNameTaken));
        }

        if (errors.Count > 0)
        {
            return new CreateAgentResult(null, errors);
        }

        var agent = new AgentAccount
        {
            Id = Guid.NewGuid(),
            UserName = userName!,
            DisplayName = displayName,
            PasswordHash = hasher.Hash(input.Password!),
            Roles = input.Roles,
            Status = AgentStatus.Offline,
            CreatedAt = time.GetUtcNow(),
        };
        db.Agents.Add(agent);
        audit.Record(actorType, actorId, AuditActions.AgentCreated, detail: $"agent={agent.Id}; user={agent.UserName}; roles={agent.Roles}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the name between the check and the insert (unique index).
            db.ChangeTracker.Clear();
            if (await db.Agents.AnyAsync(a => a.UserName == userName, ct))
            {
                return new CreateAgentResult(null, [new FieldError(nameof(NewAgent.UserName), UserNameTaken)]);
            }

            throw;
        }

        return new CreateAgentResult(agent, []);
    }
}

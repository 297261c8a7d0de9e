using IessClave.Web.Domain;

namespace IessClave.Web.Features.Agents.Admin;

/// <summary>
/// `create-admin USUARIO "Nombre visible"`: the first admin (also supervisor and agent), who enrols TOTP at the
/// first sign-in. The password never comes from the arguments (shell history, `ps`): the caller reads it from
/// <see cref="PasswordVariable"/> or standard input. Exit codes: 0 created, 1 refused, 2 usage.
/// </summary>
public sealed class CreateAdminCommand(CreateAgentHandler handler)
{
    public const string Verb = "create-admin";
    public const string PasswordVariable = "IESSCLAVE_ADMIN_PASSWORD";
    public const string Usage =
        "Uso: create-admin USUARIO \"Nombre visible\"\n" +
        "La clave se lee de la variable de entorno " + PasswordVariable + " o de la entrada estándar (nunca de los argumentos).";

    public const AgentRoles Roles = AgentRoles.Admin | AgentRoles.Supervisor | AgentRoles.Agent;

    /// <summary>Runs the verb; <paramref name="readPassword"/> is asked only once the arguments are right.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, Func<string?> readPassword, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (arguments.Count != 2 || arguments.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = readPassword()?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"Falta la clave: defínela en {PasswordVariable} o escríbela en la entrada estándar.");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var result = await handler.CreateAsync(new NewAgent(arguments[0], arguments[1], Roles, password), AuditActors.System, "cli:" + Verb, ct);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            return 1;
        }

        await output.WriteLineAsync(
            $"Se creó la cuenta de administrador «{result.Agent!.UserName}». En su primer ingreso en {AgentAuth.LoginPath} " +
            "deberá configurar su aplicación de autenticación (código QR).");
        return 0;
    }
}

using IessClave.Web.Features.Registration;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Agents;

/// <summary>Staff passwords: long (a phrase is welcome), without the user name, not a common password.</summary>
public sealed class AgentPasswordPolicy(IOptions<AgentOptions> options)
{
    public const int MaxLength = 128;

    public IReadOnlyList<string> Rules =>
    [
        $"Al menos {options.Value.PasswordMinLength} caracteres (una frase es una buena clave) y hasta {MaxLength}.",
        "Sin el nombre de usuario.",
        "Que no sea una clave común (como contrasena123).",
    ];

    public IReadOnlyList<string> Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Escribe la clave inicial."];
        }

        var errors = new List<string>();
        if (password.Length < options.Value.PasswordMinLength)
        {
            errors.Add($"La clave debe tener al menos {options.Value.PasswordMinLength} caracteres.");
        }

        if (password.Length > MaxLength)
        {
            errors.Add($"La clave no puede tener más de {MaxLength} caracteres.");
        }

        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("La clave no puede contener el nombre de usuario.");
        }

        if (ClavePolicy.IsCommon(password))
        {
            errors.Add("Esa clave es demasiado común y fácil de adivinar. Elige otra.");
        }

        return errors;
    }
}

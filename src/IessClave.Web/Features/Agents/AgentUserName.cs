using System.Text.RegularExpressions;

namespace IessClave.Web.Features.Agents;

/// <summary>User names are lower-case, 3–50 of [a-z0-9._-]; "Ana.Perez " and "ana.perez" are the same name.</summary>
public static partial class AgentUserName
{
    public const int MinLength = 3;
    public const int MaxLength = 50;
    public const string Rule = "De 3 a 50 caracteres: letras minúsculas sin tildes, números, punto (.), guion (-) o guion bajo (_).";

    /// <summary>The stored form of a typed name, or null when it cannot be a user name.</summary>
    public static string? Normalize(string? typed)
    {
        var value = typed?.Trim().ToLowerInvariant();
        return value is not null && Pattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>Rules of the "Meetings" section; the Graph settings are required only when Graph is the provider.</summary>
public sealed partial class MeetingOptionsValidator : IValidateOptions<MeetingOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetingOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Meetings:Provider '{options.Provider}' is not BuiltIn or Graph.");
        }

        if (options.CallDuration < TimeSpan.FromMinutes(5) || options.CallDuration > TimeSpan.FromHours(4))
        {
            failures.Add("Meetings:CallDuration must be between 00:05:00 and 04:00:00.");
        }

        if (options.Provider == MeetingProviderKind.Graph)
        {
            ValidateGraph(options.Graph, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateGraph(GraphMeetingOptions graph, List<string> failures)
    {
        Required(graph.TenantId, "TenantId", failures);
        Required(graph.ClientId, "ClientId", failures);
        Required(graph.ClientSecret, "ClientSecret", failures);
        Required(graph.OrganizerUserId, "OrganizerUserId", failures);
        if (!string.IsNullOrWhiteSpace(graph.TenantId) && !TenantPattern().IsMatch(graph.TenantId))
        {
            failures.Add("Meetings:Graph:TenantId must be a tenant ID or domain (letters, digits, '.', '-').");
        }

        if (!IsHttps(graph.BaseUrl))
        {
            failures.Add("Meetings:Graph:BaseUrl must be an absolute https:// URL.");
        }

        if (graph.AuthorityHost is { Length: > 0 } authority && !IsHttps(authority))
        {
            failures.Add("Meetings:Graph:AuthorityHost must be an absolute https:// URL (Azure.Identity requires HTTPS).");
        }

        if (graph.MaxRetries is < 0 or > 10)
        {
            failures.Add("Meetings:Graph:MaxRetries must be between 0 and 10.");
        }

        if (graph.Timeout < TimeSpan.FromSeconds(1) || graph.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Meetings:Graph:Timeout must be between 00:00:01 and 00:05:00.");
        }
    }

    private static void Required(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Meetings:Graph:{key} is required when Meetings:Provider is Graph.");
        }
    }

    private static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query);

    [GeneratedRegex("^[A-Za-z0-9.-]{1,100}$")]
    private static partial Regex TenantPattern();
}

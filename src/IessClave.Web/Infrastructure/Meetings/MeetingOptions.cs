namespace IessClave.Web.Infrastructure.Meetings;

public enum MeetingProviderKind
{
    /// <summary>The built-in browser room (WebRTC); the embedded default.</summary>
    BuiltIn,

    /// <summary>Microsoft Teams through Microsoft Graph; falls back to the built-in room when Graph fails.</summary>
    Graph,
}

/// <summary>Configuration section "Meetings".</summary>
public sealed class MeetingOptions
{
    public const string SectionName = "Meetings";

    public MeetingProviderKind Provider { get; set; } = MeetingProviderKind.BuiltIn;

    /// <summary>How long an on-demand call is planned to last (the meeting's end time; the room links' lifetime).</summary>
    public TimeSpan CallDuration { get; set; } = TimeSpan.FromMinutes(30);

    public GraphMeetingOptions Graph { get; set; } = new();
}

/// <summary>
/// The Entra ID app registration (client credentials) and the Teams user who organises every meeting. The app needs
/// OnlineMeetings.ReadWrite.All and Calendars.ReadWrite (application) and an application access policy granted to
/// the organizer. <see cref="ClientSecret"/> comes from a secret store and is never logged.
/// </summary>
public sealed class GraphMeetingOptions
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Object ID or UPN of the organizer (the support desk's Teams account).</summary>
    public string? OrganizerUserId { get; set; }

    /// <summary>Graph root, HTTPS. Tests point it at a local fake Graph server.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Entra ID authority host (HTTPS); empty means the public cloud. When set, instance discovery is skipped (a
    /// sovereign cloud or a local fake is not in Microsoft's discovery list).
    /// </summary>
    public string? AuthorityHost { get; set; }

    /// <summary>Retries of a throttled (429) or unavailable (503/504) request; Retry-After is honoured. 0–10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Upper bound for one Graph call, retries and their waits included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

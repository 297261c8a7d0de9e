namespace IessClave.Web.Features.Unlock.Room;

/// <summary>
/// The built-in room (section "Room"). With no ICE servers (the default) browsers only find each other on the
/// same machine or LAN; in production configure a STUN server and a TURN relay, or most calls across NATs and
/// mobile networks will not connect.
/// </summary>
public sealed class RoomOptions
{
    public const string Section = "Room";

    /// <summary>Largest session description (SDP) a peer may send, in UTF-8 bytes.</summary>
    public const int MaxSdpBytes = 16 * 1024;

    /// <summary>Largest ICE candidate (JSON) a peer may send, in UTF-8 bytes.</summary>
    public const int MaxCandidateBytes = 2 * 1024;

    /// <summary>STUN/TURN servers handed to the browsers (RTCPeerConnection's iceServers).</summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>How long the room cookie lets a person back into the room (reloads, reconnects) after joining.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(2);

    public static IEnumerable<string> Problems(RoomOptions o)
    {
        if (o.CookieLifetime <= TimeSpan.Zero || o.CookieLifetime > TimeSpan.FromHours(12))
        {
            yield return "Room:CookieLifetime must be more than 0 and at most 12 hours.";
        }

        foreach (var (server, i) in o.IceServers.Select((s, i) => (s, i)))
        {
            if (server.Urls.Length == 0)
            {
                yield return $"Room:IceServers:{i}:Urls needs at least one stun:, stuns:, turn: or turns: URL.";
            }

            foreach (var url in server.Urls.Where(u => !IceServerOptions.Schemes.Any(s => u.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
            {
                yield return $"Room:IceServers:{i}:Urls has '{url}', which is not a stun:, stuns:, turn: or turns: URL.";
            }

            if (server.Urls.Any(u => u.StartsWith("turn", StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(server.Username) || string.IsNullOrEmpty(server.Credential)))
            {
                yield return $"Room:IceServers:{i} is a TURN server: it needs Username and Credential.";
            }
        }
    }
}

/// <summary>One entry of RTCConfiguration.iceServers.</summary>
public sealed class IceServerOptions
{
    internal static readonly string[] Schemes = ["stun:", "stuns:", "turn:", "turns:"];

    public string[] Urls { get; set; } = [];

    public string? Username { get; set; }

    public string? Credential { get; set; }
}

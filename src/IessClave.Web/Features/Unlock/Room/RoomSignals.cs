using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

namespace IessClave.Web.Features.Unlock.Room;

/// <summary>What the signalling hub accepts from a browser before relaying it: bounded sizes and the expected shapes.</summary>
public static class RoomSignals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A session description: at most <see cref="RoomOptions.MaxSdpBytes"/>, and it must look like SDP.</summary>
    public static string Sdp(string? sdp)
    {
        if (string.IsNullOrEmpty(sdp) || Encoding.UTF8.GetByteCount(sdp) > RoomOptions.MaxSdpBytes)
        {
            throw new HubException("La descripción de la sesión está vacía o es demasiado grande.");
        }

        if (!sdp.StartsWith("v=0", StringComparison.Ordinal) || sdp.Contains('\0'))
        {
            throw new HubException("La descripción de la sesión no es válida.");
        }

        return sdp;
    }

    /// <summary>An RTCIceCandidateInit as JSON; relayed re-serialized, so nothing but its four fields passes through.</summary>
    public static string Candidate(string? json)
    {
        if (string.IsNullOrEmpty(json) || Encoding.UTF8.GetByteCount(json) > RoomOptions.MaxCandidateBytes)
        {
            throw new HubException("El candidato de conexión está vacío o es demasiado grande.");
        }

        IceCandidate? candidate;
        try
        {
            candidate = JsonSerializer.Deserialize<IceCandidate>(json, Json);
        }
        catch (JsonException)
        {
            candidate = null;
        }

        if (candidate?.Candidate is not { } text || text.Contains('\n') || text.Contains('\r')
            || (text.Length > 0 && !text.StartsWith("candidate:", StringComparison.Ordinal))
            || candidate.SdpMLineIndex is < 0 or > 64)
        {
            throw new HubException("El candidato de conexión no es válido.");
        }

        return JsonSerializer.Serialize(candidate, Json);
    }

    private sealed record IceCandidate(string? Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);
}

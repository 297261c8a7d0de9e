using System.Text.Json;
using IessClave.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Registration;

/// <summary>
/// What the affiliate has proven so far in the multi-step form. It travels encrypted and authenticated in a
/// hidden field, so the server keeps no half-finished registrations and a step cannot be skipped or forged.
/// </summary>
public sealed record RegistrationDraft(
    string Identification,
    IdentificationKind Kind,
    DateTimeOffset StartedAt,
    bool IdentityVerified = false,
    int SecurityImageId = 0,
    int SecurityQuestionId = 0,
    string? SecurityAnswer = null);

public sealed class RegistrationDraftCodec(IDataProtectionProvider protection, TimeProvider time, IOptions<ClaveOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("IessClave.RegistrationDraft.v1");

    public string Encode(RegistrationDraft draft) => protector.Protect(JsonSerializer.Serialize(draft));

    /// <summary>Null when the value was tampered with, is not ours, or the form has been open too long.</summary>
    public RegistrationDraft? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            var draft = JsonSerializer.Deserialize<RegistrationDraft>(protector.Unprotect(value));
            return draft is not null && time.GetUtcNow() - draft.StartedAt <= options.Value.RegistrationFormLifetime ? draft : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

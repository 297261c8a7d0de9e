using IessClave.Web.Domain;

namespace IessClave.Web.Features.Unlock.Verification;

/// <summary>What each channel can check and decide: the one-time code exists only on a call; a call can fail, a window visit cannot.</summary>
public static class ChannelRules
{
    public static readonly IReadOnlyList<CheckKind> TypedChecks = [CheckKind.BirthDate, CheckKind.SecurityAnswer, CheckKind.DocumentSerial, CheckKind.OneTimeCode];

    public static readonly IReadOnlyList<CheckKind> VisualChecks = [CheckKind.FaceMatchesPhoto, CheckKind.DocumentLooksGenuine];

    public static bool IsCall(CaseChannel channel) => channel is CaseChannel.VideoQueue or CaseChannel.ScheduledCall;

    public static bool Applies(CheckKind kind, CaseChannel channel) => kind != CheckKind.OneTimeCode || IsCall(channel);

    public static bool Applies(RejectionReason reason, CaseChannel channel) =>
        Enum.IsDefined(reason) && (reason != RejectionReason.CallFailed || IsCall(channel));

    public static IReadOnlyList<RejectionReason> ReasonsFor(CaseChannel channel) =>
        Enum.GetValues<RejectionReason>().Where(r => Applies(r, channel)).ToList();
}

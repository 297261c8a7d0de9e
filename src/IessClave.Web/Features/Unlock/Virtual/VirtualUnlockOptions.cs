using System.ComponentModel.DataAnnotations;

namespace IessClave.Web.Features.Unlock.Virtual;

public sealed class VirtualUnlockOptions
{
    public const string Section = "VirtualUnlock";

    /// <summary>
    /// Wrong proofs (on the virtual-unlock or forgotten-clave form) after which the self-service way closes for
    /// that identification; video call and window remain. A verified unlock opens it again.
    /// </summary>
    [Range(1, 20)]
    public int MaxFailedAnswers { get; set; } = 3;
}

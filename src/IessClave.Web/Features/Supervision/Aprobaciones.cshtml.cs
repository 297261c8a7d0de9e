using IessClave.Web.Features.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Supervision;

/// <summary>/supervision/aprobaciones: email changes that wait for a second person's approval.</summary>
[Authorize(Policy = AgentAuth.SupervisorPolicy)]
public sealed class AprobacionesModel(EmailChangeApprovals approvals) : PageModel
{
    public IReadOnlyList<PendingApproval> Pending { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public Guid SupervisorId => AgentAuth.AgentId(User)!.Value;

    public async Task OnGetAsync(CancellationToken ct) => Pending = await approvals.PendingAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid caseId, string decision, CancellationToken ct)
    {
        var outcome = await approvals.DecideAsync(SupervisorId, caseId, decision == "aprobar", ct);
        Notice = outcome switch
        {
            ApprovalOutcome.Approved => "Aprobado: la clave quedó desbloqueada y el enlace se envió al nuevo correo.",
            ApprovalOutcome.Denied => "Rechazado: el correo no cambió y la clave sigue bloqueada.",
            ApprovalOutcome.SamePerson => "No puedes aprobar un cambio que pediste tú: debe hacerlo otra persona.",
            _ => "Esa solicitud ya no está pendiente.",
        };
        return RedirectToPage();
    }
}

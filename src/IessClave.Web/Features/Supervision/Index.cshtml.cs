using IessClave.Web.Features.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Supervision;

/// <summary>/supervision: unlock rates per agent with alerts, and the pending approvals count.</summary>
[Authorize(Policy = AgentAuth.SupervisorPolicy)]
public sealed class SupervisionIndexModel(UnlockRateAlerts alerts, EmailChangeApprovals approvals) : PageModel
{
    public IReadOnlyList<AgentUnlockRate> Rates { get; private set; } = [];
    public int PendingApprovals { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rates = await alerts.RatesAsync(ct);
        PendingApprovals = (await approvals.PendingAsync(ct)).Count;
    }
}

using IessClave.Web.Features.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Supervision.Dashboard;

/// <summary>/supervision/tablero: the queue and the agents now; rendered complete, then kept live over /hubs/supervision.</summary>
[Authorize(Policy = AgentAuth.SupervisorPolicy)]
public sealed class TableroModel(SupervisionBoard board) : PageModel
{
    public SupervisionSnapshot Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Board = await board.SnapshotAsync(ct);

    public static string Waited(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } at ? $"{(int)Math.Max(0, (now - at).TotalMinutes)} min" : "—";
}

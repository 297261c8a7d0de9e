using IessClave.Web.Features.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IessClave.Web.Features.Unlock.Window;

/// <summary>/agentes/ventanilla: the window mode's search (identification + stated reason) and its masked result.</summary>
[Authorize(Policy = AgentAuth.AgentPolicy)]
public sealed class WindowIndexModel(WindowSearch search, WindowCases cases) : PageModel
{
    [BindProperty] public string? Identification { get; set; }
    [BindProperty] public WindowSearchReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Notice { get; set; }

    public WindowSearchResult? Result { get; private set; }

    public Guid? HeldCaseId { get; private set; }

    public static IReadOnlyList<WindowSearchReason> Reasons { get; } = Enum.GetValues<WindowSearchReason>();

    private Guid AgentId => AgentAuth.AgentId(User) ?? throw new InvalidOperationException("The agent policy lets only agents in.");

    public async Task OnGetAsync(CancellationToken ct) => HeldCaseId = await cases.HeldCaseIdAsync(AgentId, ct);

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await search.SearchAsync(AgentId, new WindowSearchRequest(Identification, Reason, Note), ct);
        foreach (var error in Result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (Result.Outcome == SearchOutcome.Limited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        HeldCaseId = await cases.HeldCaseIdAsync(AgentId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(string? grant, CancellationToken ct)
    {
        var opened = await cases.OpenAsync(AgentId, grant, ct);
        if (opened.Outcome is OpenOutcome.Opened or OpenOutcome.Continued)
        {
            return Redirect(WindowFeature.CasePath(opened.CaseId!.Value));
        }

        ModelState.Clear();
        ModelState.AddModelError("", opened.Outcome switch
        {
            OpenOutcome.SearchExpired => "La búsqueda caducó. Busca de nuevo a la persona.",
            OpenOutcome.NotLocked => "La clave de esta persona no está bloqueada: no hay nada que desbloquear.",
            OpenOutcome.AlreadyHolding => "Ya atiendes otro caso en ventanilla. Termínalo o libéralo antes de abrir otro.",
            OpenOutcome.AwaitingApproval => "Este caso espera la aprobación de un supervisor.",
            _ => "Otro agente está atendiendo este caso ahora.",
        });
        HeldCaseId = await cases.HeldCaseIdAsync(AgentId, ct);
        return Page();
    }

    public string? DescribedBy(string field, string? hint = null)
    {
        var error = ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? $"{field}-error" : null;
        var ids = string.Join(' ', new[] { hint, error }.Where(x => x is not null));
        return ids.Length == 0 ? null : ids;
    }

    public string? Invalid(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? "true" : null;
}

using IessClave.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace IessClave.Tests;

/// <summary>
/// Every endpoint the app maps either requires an authorization policy or is on this list of deliberately public
/// ones, each with why. A new endpoint without a decision fails here; the staff area is never public.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EndpointAccessTests(SharedPostgresApp app)
{
    private static readonly Dictionary<string, string> Public = new()
    {
        [""] = "home page",
        ["error"] = "error page",
        ["ingresar"] = "affiliate sign-in",
        ["clave/generar"] = "registration (robot check, rate limits)",
        ["clave/generar/enviado"] = "registration: mail sent",
        ["clave/activar"] = "activation link (the link is the credential)",
        ["clave/nueva"] = "new-clave link (the link is the credential)",
        ["clave/activada"] = "activation done",
        ["clave/bloqueada"] = "locked-account page",
        ["clave/cambiada"] = "clave changed",
        ["clave/recuperar"] = "forgotten clave (robot check, rate limits)",
        ["clave/recuperar/enviado"] = "forgotten clave: same answer always",
        ["clave/recuperar/enlace"] = "recovery link (the link is the credential)",
        ["desbloquear"] = "the three ways to unlock",
        ["desbloquear/videollamada"] = "queue join (proof + robot check)",
        ["desbloquear/cita"] = "booking proof (proof + robot check)",
        ["desbloquear/cita/gestionar"] = "booking manage link (the link is the credential)",
        ["desbloquear/virtual"] = "virtual unlock proof (robot check, rate limits)",
        ["desbloquear/virtual/enviado"] = "virtual unlock: same answer always",
        ["desbloquear/virtual/enlace"] = "virtual unlock link (the link is the credential)",
        ["sala/unirse"] = "room join link (the link is the credential; the agent's also needs the agent signed in)",
        ["agentes/ingresar"] = "staff sign-in, step 1",
        ["agentes/codigo"] = "staff sign-in, step 2 (pending sign-in cookie)",
        ["agentes/enrolar"] = "staff first sign-in (pending sign-in cookie)",
        ["dev/correos/{archivo?}"] = "development outbox (404 unless Site:ShowDevOutbox)",
        ["/healthz/live"] = "orchestrator probe",
        ["/healthz/ready"] = "orchestrator probe (no personal data)",
        ["/openapi/{documentName}.json"] = "API description",
        ["/api/v1/robot-check/challenge"] = "robot-check challenge",
        ["/api/v1/registrations/options"] = "security images and questions",
        ["/api/v1/registrations/"] = "registration (robot proof)",
        ["/api/v1/activations/"] = "activation (link token)",
        ["/api/v1/activations/inspect"] = "activation (link token)",
        ["/api/v1/activations/resend"] = "new activation link (link token)",
        ["/api/v1/sessions/"] = "affiliate sign-in",
        ["/api/v1/queue/tickets"] = "queue join (proof + robot proof)",
        ["/api/v1/bookings/"] = "booking (proof + robot proof)",
        ["/api/v1/bookings/agencies"] = "agency list",
        ["/api/v1/bookings/slots"] = "free slots",
        ["/api/v1/bookings/cancel"] = "cancel (manage token)",
        ["/api/v1/unlock/virtual/"] = "virtual unlock proof (robot proof)",
        ["/api/v1/unlock/virtual/link"] = "virtual unlock (link token)",
        ["/api/v1/unlock/virtual/link/inspect"] = "virtual unlock (link token)",
        ["/api/v1/recovery/"] = "forgotten clave proof (robot proof)",
        ["/api/v1/recovery/link"] = "forgotten clave (link token)",
        ["/api/v1/recovery/link/inspect"] = "forgotten clave (link token)",
    };

    private static readonly string[] StaffOnlyPrefixes = ["agentes", "admin", "supervision", "/hubs/agentes", "/operaciones"];

    [Fact]
    public void EveryEndpoint_RequiresAPolicy_OrIsDeliberatelyPublic()
    {
        var endpoints = Endpoints();

        var undecided = endpoints.Where(e => !e.Protected && !Public.ContainsKey(e.Route)).Select(e => e.Route).ToList();
        var publicStaff = endpoints.Where(e => !e.Protected && StaffOnlyPrefixes.Any(p => e.Route.StartsWith(p, StringComparison.Ordinal))
            && e.Route is not ("agentes/ingresar" or "agentes/codigo" or "agentes/enrolar")).Select(e => e.Route).ToList();

        Assert.True(undecided.Count == 0, "Endpoints with no authorization and not on the public list: " + string.Join(", ", undecided));
        Assert.Empty(publicStaff);
        Assert.True(endpoints.Count > Public.Count, "the app's endpoints were found");
    }

    [Theory]
    [InlineData("/hubs/agentes", "agent")]
    [InlineData("/hubs/cola", "QueueTicketHolder")]
    [InlineData("/hubs/sala", "RoomPeer")]
    [InlineData("/hubs/supervision", "agent-supervisor")]
    [InlineData("supervision/tablero", "agent-supervisor")]
    [InlineData("supervision/auditoria", "agent-supervisor")]
    [InlineData("admin/agentes", "agent-admin")]
    [InlineData("supervision/aprobaciones", "agent-supervisor")]
    [InlineData("agentes/ventanilla/caso/{caseId:guid}", "agent")]
    [InlineData("mi-cuenta", null)]
    [InlineData("/api/v1/me/cases", null)]
    public void ProtectedEndpoints_NameTheirPolicy(string route, string? policy)
    {
        var endpoint = Assert.Single(Endpoints(), e => e.Route == route);

        Assert.True(endpoint.Protected);
        Assert.Contains(policy, endpoint.Policies);
    }

    private List<(string Route, bool Protected, IReadOnlyList<string?> Policies)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e =>
            {
                var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
                var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                return (e.RoutePattern.RawText ?? "", authorize.Count > 0 && !anonymous, (IReadOnlyList<string?>)authorize.Select(a => a.Policy).ToList());
            })
            .ToList();
}

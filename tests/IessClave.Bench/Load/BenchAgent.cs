using System.Net;
using System.Text.RegularExpressions;
using IessClave.Bench.Hosting;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Features.Agents.Admin;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Bench.Load;

/// <summary>
/// A real agent session against the running app: the account is created with the app's handler, then the agent
/// signs in through the pages (password, then TOTP enrolment with a code computed from the shown secret), opens
/// the console hub (/hubs/agentes) with the session cookie and sets itself available.
/// </summary>
public sealed partial class BenchAgent : IAsyncDisposable
{
    private const string Password = "Frase-larga-de-carga-2024";

    private BenchAgent(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public static async Task<BenchAgent> SignInAsync(AppServices app, Uri baseUrl, string userName)
    {
        var created = await app.InScopeAsync(sp => sp.GetRequiredService<CreateAgentHandler>().CreateAsync(
            new NewAgent(userName, "Agente de Carga", AgentRoles.Agent, Password), AuditActors.System, "bench", CancellationToken.None));
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Message)));
        }

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var signIn = await PostFormAsync(http, "/agentes/ingresar", new() { ["UserName"] = userName, ["Password"] = Password });
        Expect(signIn.StatusCode == HttpStatusCode.Redirect && signIn.Headers.Location?.OriginalString == "/agentes/enrolar", "password step", signIn);
        var enrolPage = await http.GetStringAsync("/agentes/enrolar");
        var secret = Secret().Match(enrolPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var code = Totp.Code(Base32.Decode(secret) ?? throw new InvalidOperationException("No TOTP secret on the enrolment page."), Totp.StepAt(DateTimeOffset.UtcNow));
        var enrolled = await PostFormAsync(http, "/agentes/enrolar", new() { ["Code"] = code }, enrolPage);
        Expect(enrolled.StatusCode == HttpStatusCode.OK, "TOTP enrolment", enrolled);

        var cookie = cookies.GetCookieHeader(baseUrl);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, QueueFeature.AgentHubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync<string>("SetStatus", "Available");
        return new BenchAgent(hub);
    }

    public Task<TakeResult> TakeNextAsync(CancellationToken ct) => Hub.InvokeAsync<TakeResult>("TakeNext", ct);

    public Task<bool> FinishAsync(CancellationToken ct) => Hub.InvokeAsync<bool>("Finish", ct);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields, string? page = null)
    {
        page ??= await http.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static void Expect(bool ok, string step, HttpResponseMessage response)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Agent sign-in failed at the {step}: HTTP {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7 ]+)</code>")]
    private static partial Regex Secret();
}

using System.Net;
using System.Text.RegularExpressions;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using IessClave.Web.Features.Agents.Admin;

namespace IessClave.Tests.Support;

/// <summary>An agent enrolled through the pages, with what the person kept: the secret and the recovery codes.</summary>
public sealed record EnrolledAgent(Guid Id, string UserName, string Password, string Secret, IReadOnlyList<string> RecoveryCodes);

/// <summary>Staff sign-in through the Razor pages (password → code or enrolment), as a browser does it.</summary>
public static partial class AgentFlows
{
    public const string Password = "Frase-larga-de-prueba-2024";

    public static string NewUserName(string prefix = "agente") => $"{prefix}.{Guid.NewGuid():N}"[..30];

    public static async Task<AgentAccount> CreateAsync(PostgresApp app, AgentRoles roles, string? userName = null, string password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAgentHandler>().CreateAsync(
            new NewAgent(userName ?? NewUserName(), "Agente de Prueba", roles, password), AuditActors.System, "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Agent!;
    }

    public static async Task<(int ExitCode, string Output, string Error)> CreateAdminAsync(PostgresApp app, IReadOnlyList<string> arguments, string? password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
            .RunAsync(arguments, () => password, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<(HttpStatusCode Status, string Html, Uri? Location)> PasswordAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/agentes/ingresar");
        return await HtmlForms.PostAsync(client, page, "/agentes/ingresar", new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });
    }

    public static async Task<(HttpStatusCode Status, string Html, Uri? Location)> CodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync("/agentes/codigo");
        return await HtmlForms.PostAsync(client, page, "/agentes/codigo", new Dictionary<string, string?> { ["Code"] = code });
    }

    /// <summary>The code an authenticator app shows now (by the app's fake clock), plus <paramref name="steps"/> steps.</summary>
    public static string CodeNow(PostgresApp app, string secret, int steps = 0) =>
        Totp.Code(Base32.Decode(secret)!, Totp.StepAt(app.Time.GetUtcNow()) + steps);

    /// <summary>Moves the clock to the next 30-second step, as a person waiting for a new code.</summary>
    public static void NextStep(PostgresApp app) => app.Time.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));

    /// <summary>Creates the account, signs in with the password, enrols from the page, and keeps the recovery codes.</summary>
    public static async Task<EnrolledAgent> EnrolledAsync(PostgresApp app, HttpClient client, AgentRoles roles)
    {
        var agent = await CreateAsync(app, roles);
        var signIn = await PasswordAsync(client, agent.UserName, Password);
        Assert.Equal("/agentes/enrolar", signIn.Location?.OriginalString);
        var enrol = await client.GetStringAsync("/agentes/enrolar");
        var secret = SecretFrom(enrol);
        var confirmed = await HtmlForms.PostAsync(client, enrol, "/agentes/enrolar", new Dictionary<string, string?> { ["Code"] = CodeNow(app, secret) });
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        return new EnrolledAgent(agent.Id, agent.UserName, Password, secret, RecoveryCodesFrom(confirmed.Html));
    }

    /// <summary>A full second sign-in (password + a fresh code) of an enrolled agent on a new client.</summary>
    public static async Task SignInAsync(PostgresApp app, HttpClient client, EnrolledAgent agent)
    {
        NextStep(app);
        var signIn = await PasswordAsync(client, agent.UserName, agent.Password);
        Assert.Equal("/agentes/codigo", signIn.Location?.OriginalString);
        var coded = await CodeAsync(client, CodeNow(app, agent.Secret));
        Assert.Equal("/agentes", coded.Location?.OriginalString);
    }

    public static string SecretFrom(string enrolPage)
    {
        var match = SecretText().Match(enrolPage);
        Assert.True(match.Success, "The enrolment page shows no secret for manual entry.");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodesFrom(string html) =>
        RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The messages of the page's error summary, in order.</summary>
    public static IReadOnlyList<string> Errors(string html) =>
        SummaryItem().Matches(Regex.Match(html, "<div class=\"error-summary\"[\\s\\S]*?</div>").Value)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretText();

    [GeneratedRegex("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("<li>([\\s\\S]*?)</li>")]
    private static partial Regex SummaryItem();
}

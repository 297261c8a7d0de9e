using System.Net;
using System.Text.RegularExpressions;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Window;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace IessClave.Tests.Support;

/// <summary>An agent at the service window, signed in with password + TOTP, using the pages' forms as a browser does.</summary>
public sealed partial class WindowDesk : IDisposable
{
    private WindowDesk(EnrolledAgent agent, HttpClient client)
    {
        Agent = agent;
        Client = client;
    }

    public EnrolledAgent Agent { get; }
    public Guid Id => Agent.Id;
    public HttpClient Client { get; }

    public static async Task<WindowDesk> SignInAsync(PostgresApp app, AgentRoles roles = AgentRoles.Agent)
    {
        var client = app.Factory.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        return new WindowDesk(await AgentFlows.EnrolledAsync(app, client, roles), client);
    }

    public async Task<(HttpStatusCode Status, string Html)> SearchAsync(string identification, string? reason = nameof(WindowSearchReason.InPersonService), string? note = "Turno A-017")
    {
        var page = await Client.GetStringAsync(WindowFeature.Path);
        var posted = await HtmlForms.PostAsync(Client, page, WindowFeature.Path + "?handler=Search",
            new Dictionary<string, string?> { ["Identification"] = identification, ["Reason"] = reason, ["Note"] = note });
        return (posted.Status, posted.Html);
    }

    /// <summary>Searches and opens (or continues) the account's case from the result; returns the case id.</summary>
    public async Task<Guid> OpenAsync(string identification)
    {
        var (status, html) = await SearchAsync(identification);
        Assert.Equal(HttpStatusCode.OK, status);
        var opened = await PostOpenAsync(html, HtmlForms.HiddenValue(html, "grant"));
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        return CaseIdFrom(opened.Location);
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> PostOpenAsync(string pageWithToken, string grant) =>
        await HtmlForms.PostAsync(Client, pageWithToken, WindowFeature.Path + "?handler=Open", new Dictionary<string, string?> { ["grant"] = grant });

    public Task<HttpResponseMessage> GetCaseAsync(Guid caseId) => Client.GetAsync(WindowFeature.CasePath(caseId));

    public Task<string> CasePageAsync(Guid caseId) => Client.GetStringAsync(WindowFeature.CasePath(caseId));

    /// <summary>Posts a handler of the case page with a token from the agent's own search page (works for any case id).</summary>
    public async Task<(HttpStatusCode Status, Uri? Location)> PostCaseAsync(Guid caseId, string handler, IDictionary<string, string?>? fields = null)
    {
        var page = await Client.GetStringAsync(WindowFeature.Path);
        var posted = await HtmlForms.PostAsync(Client, page, $"{WindowFeature.CasePath(caseId)}?handler={handler}", fields ?? new Dictionary<string, string?>());
        return (posted.Status, posted.Location);
    }

    /// <summary>Types a value for a check and returns the case page it redirects back to (with the result message).</summary>
    public async Task<string> CheckAsync(Guid caseId, CheckKind kind, string value)
    {
        var posted = await PostCaseAsync(caseId, "Check", new Dictionary<string, string?> { ["kind"] = kind.ToString(), ["value"] = value });
        Assert.Equal(WindowFeature.CasePath(caseId), posted.Location?.OriginalString);
        return await CasePageAsync(caseId);
    }

    public async Task<string> ConfirmVisualAsync(Guid caseId, params CheckKind[] kinds)
    {
        var page = await Client.GetStringAsync(WindowFeature.Path);
        var form = new FormUrlEncodedContent(kinds.Select(k => new KeyValuePair<string, string>("kinds", k.ToString()))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value))));
        using var response = await Client.PostAsync($"{WindowFeature.CasePath(caseId)}?handler=Visual", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await CasePageAsync(caseId);
    }

    /// <summary>The message the page shows after a redirect (notice or problem), decoded.</summary>
    public static string Notice(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<div class=\"notice [a-z]+\" role=\"(?:status|alert)\"[^>]*><p>([\\s\\S]*?)</p>").Groups[1].Value);

    public static Guid CaseIdFrom(Uri? location)
    {
        var match = Regex.Match(location?.OriginalString ?? "", "^/agentes/ventanilla/caso/([0-9a-f-]{36})$");
        Assert.True(match.Success, $"Not a case page: {location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;

namespace IessClave.Tests.Features.Agents;

[Collection(PostgresCollection.Name)]
public sealed class AgentReturnUrlTests(SharedPostgresApp app)
{
    [Theory]
    [InlineData("/admin/agentes", "/admin/agentes")]
    [InlineData("/", "/")]
    [InlineData(null, "/agentes")]
    [InlineData("", "/agentes")]
    [InlineData("//malo.example/x", "/agentes")]
    [InlineData("/\\malo.example", "/agentes")]
    [InlineData("https://malo.example/", "/agentes")]
    [InlineData("/agentes\r\nSet-Cookie: x", "/agentes")]
    public void Destination_OnlyFollowsLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, AgentSession.Destination(returnUrl));

    [Fact]
    public async Task AdminPage_WhenSignedOut_SendsToSignInAndBackAfterBothFactors()
    {
        using var first = app.CreateClient();
        var admin = await AgentFlows.EnrolledAsync(app, first, AgentRoles.Admin);
        using var client = app.CreateClient();

        var challenge = await client.GetAsync("/admin/agentes");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signInPage = await client.GetStringAsync(challenge.Headers.Location);
        Assert.Equal("/admin/agentes", HtmlForms.HiddenValue(signInPage, "ReturnUrl"));
        AgentFlows.NextStep(app);
        var password = await HtmlForms.PostAsync(client, signInPage, "/agentes/ingresar", new Dictionary<string, string?>
        {
            ["UserName"] = admin.UserName, ["Password"] = admin.Password, ["ReturnUrl"] = "/admin/agentes",
        });
        Assert.Equal("/agentes/codigo", password.Location?.OriginalString);
        var coded = await AgentFlows.CodeAsync(client, AgentFlows.CodeNow(app, admin.Secret));

        Assert.Equal("/admin/agentes", coded.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/agentes")).StatusCode);
    }
}
